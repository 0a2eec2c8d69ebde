/** The Monaco implementation of the editor shapes in types.ts. Loaded only through load.ts. */
import { tokenEnd } from './markers';
import { applyTheme, createJsonModel, MARKER_OWNER, monaco, SCENARIO_MODEL, setupMonaco } from './monacoSetup';
import type { CodeEditor, CodeEditorOptions, DiffView, DiffViewOptions, EditorIssue } from './types';

const SHARED_OPTIONS: monaco.editor.IEditorOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  lineNumbersMinChars: 3,
  fixedOverflowWidgets: true,
  renderLineHighlight: 'line',
  accessibilitySupport: 'auto',
};

export function createCodeEditor(host: HTMLElement, options: CodeEditorOptions): CodeEditor {
  setupMonaco();
  applyTheme(options.theme);
  const scenario = options.document === 'scenario';
  const model = createJsonModel(options.text, scenario ? SCENARIO_MODEL : 'taskdef');
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  const editor = monaco.editor.create(host, {
    ...SHARED_OPTIONS,
    model,
    ariaLabel: options.ariaLabel,
    quickSuggestions: { other: 'on', strings: 'on', comments: 'off' },
    formatOnPaste: false,
    tabSize: 2,
  });

  const changes = model.onDidChangeContent(() => options.onChange(model.getValue()));
  editor.addAction({
    id: scenario ? 'ecs-playground.loadScenario' : 'ecs-playground.registerTaskDefinition',
    label: scenario ? 'Load scenario' : 'Register task definition',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => options.onRegister(),
  });

  return {
    getText: () => model.getValue(),
    replaceText(text, undoable) {
      if (text === model.getValue()) return;
      if (!undoable) {
        model.setValue(text);
        return;
      }
      editor.pushUndoStop();
      editor.executeEdits('ecs-playground', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    setIssues(issues: readonly EditorIssue[]) {
      const lines = model.getLineCount();
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        issues.map((issue) => {
          const line = Math.min(Math.max(1, issue.line), lines);
          const startColumn = Math.max(1, issue.column);
          return {
            severity: issue.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message: issue.message,
            startLineNumber: line,
            startColumn,
            endLineNumber: line,
            endColumn: tokenEnd(model.getLineContent(line), startColumn),
          };
        }),
      );
    },
    reveal(line, column) {
      const position = { lineNumber: line, column };
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
      editor.focus();
    },
    setTheme: applyTheme,
    dispose() {
      changes.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}

export function createDiffView(host: HTMLElement, options: DiffViewOptions): DiffView {
  setupMonaco();
  applyTheme(options.theme);
  const original = createJsonModel(options.original, 'original');
  const modified = createJsonModel(options.modified, 'modified');
  const diff = monaco.editor.createDiffEditor(host, {
    ...SHARED_OPTIONS,
    readOnly: true,
    originalEditable: false,
    renderSideBySide: true,
    useInlineViewWhenSpaceIsLimited: true,
    renderSideBySideInlineBreakpoint: 700,
    ariaLabel: options.ariaLabel,
  });
  diff.setModel({ original, modified });
  return {
    setTexts(a, b) {
      if (original.getValue() !== a) original.setValue(a);
      if (modified.getValue() !== b) modified.setValue(b);
    },
    setTheme: applyTheme,
    dispose() {
      diff.dispose();
      original.dispose();
      modified.dispose();
    },
  };
}
