/**
 * What the app sees of the code editor. The Monaco implementation lives behind `load.ts`, so the
 * first paint never waits for Monaco and the app can type against these shapes alone.
 */
export type EditorTheme = 'light' | 'dark';

export interface EditorIssue {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CodeEditorOptions {
  text: string;
  theme: EditorTheme;
  ariaLabel: string;
  onChange(text: string): void;
  /** Ctrl/Cmd+S or Ctrl/Cmd+Enter in the editor */
  onRegister(): void;
  /** which JSON Schema completes and documents the text: a task definition (default) or a scenario */
  document?: 'taskdef' | 'scenario';
}

export interface CodeEditor {
  getText(): string;
  /** Puts new text in; `undoable` keeps Ctrl/Cmd+Z able to bring the previous text back. */
  replaceText(text: string, undoable: boolean): void;
  setIssues(issues: readonly EditorIssue[]): void;
  /** Moves the cursor to a position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
  setTheme(theme: EditorTheme): void;
  dispose(): void;
}

export interface DiffViewOptions {
  original: string;
  modified: string;
  theme: EditorTheme;
  ariaLabel: string;
}

export interface DiffView {
  setTexts(original: string, modified: string): void;
  setTheme(theme: EditorTheme): void;
  dispose(): void;
}

export interface EditorModule {
  createCodeEditor(host: HTMLElement, options: CodeEditorOptions): CodeEditor;
  createDiffView(host: HTMLElement, options: DiffViewOptions): DiffView;
}
