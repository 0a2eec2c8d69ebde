/**
 * Monaco, bundled from npm (no CDN, no AMD loader): the editor API with its features, the JSON
 * language with the task definition schema (completion, hover docs,
 * snippets), and its two workers. Monaco's own JSON diagnostics are off: the problems shown are
 * validateTaskDefinition's, the same rules registerTaskDefinition applies.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register.js';
// The JSON language's worker client imports every editor feature (hover, suggest, find, folding,
// the diff editor's helpers ...) and registers their services. Loading it before the first editor
// is created makes those services exist when editors ask for them; loading it later (as the JSON
// mode does on its own) leaves "depends on UNKNOWN service" errors in editors created afterwards.
import 'monaco-editor/internal/common/workers.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';
import { taskDefinitionJsonSchema } from '../core/taskdef/schema';
import { scenarioJsonSchema } from '../scenarios/schema';
import type { EditorTheme } from './types';

export { monaco };

/** Every model the editor creates lives under this scheme; the schema applies to all of them. */
export const MODEL_SCHEME = 'ecs-playground';
export const MARKER_OWNER = 'ecs-playground';
/** model name whose text is a scenario file rather than a task definition */
export const SCENARIO_MODEL = 'scenario';

const THEMES: Record<EditorTheme, string> = { light: 'ecs-light', dark: 'ecs-dark' };

let ready = false;

export function setupMonaco(): void {
  if (ready) return;
  ready = true;
  self.MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
  };
  jsonDefaults.setDiagnosticsOptions({
    validate: false,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [
      {
        uri: `${MODEL_SCHEME}://schema/task-definition.json`,
        fileMatch: ['*', `!${SCENARIO_MODEL}.json`],
        schema: taskDefinitionJsonSchema() as never,
      },
      // the scenario editor's model (createJsonModel(text, SCENARIO_MODEL)) gets the scenario format
      {
        uri: `${MODEL_SCHEME}://schema/scenario.json`,
        fileMatch: [`${SCENARIO_MODEL}.json`],
        schema: scenarioJsonSchema as never,
      },
    ],
  });
  // Colours follow the app's design tokens (styles.css) so the editor sits in the page.
  monaco.editor.defineTheme(THEMES.light, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
  });
  monaco.editor.defineTheme(THEMES.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#161d27', 'editorGutter.background': '#161d27' },
  });
}

export function applyTheme(theme: EditorTheme): void {
  monaco.editor.setTheme(THEMES[theme]);
}

let modelCount = 0;

export function createJsonModel(text: string, name: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(`${MODEL_SCHEME}://models/${++modelCount}/${name}.json`);
  return monaco.editor.createModel(text, 'json', uri);
}
