/**
 * The task definition editor's state, independent of Monaco: the text, its validation (debounced
 * while typing), the drafts kept across reloads, Register and its outcome, and the offer to clean up
 * pasted describe-task-definition output. The panel mirrors `text` into Monaco and back.
 */
import type { RegisterTaskDefinitionRequest, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Issue } from '../core/taskdef/issues';
import { taskDefinitionSnippets } from '../core/taskdef/snippets';
import { validateTaskDefinition, type ValidationResult } from '../core/taskdef/validate';
import { DraftBook } from './drafts';
import type { ActionResult } from './playground.svelte';
import { cleanedDescribeOutput, familyInText, readFamily, requestFromText, revisionRequestText, toEditorText } from './taskDefinitionText';

/** What the editor needs from the simulation. */
export interface TaskDefinitionRegistry {
  register(request: RegisterTaskDefinitionRequest): ActionResult<TaskDefinition>;
  /** registered revisions of one family that can still be described, oldest first */
  revisions(family: string): TaskDefinition[];
  /** every family with a registered revision */
  families(): string[];
}

export type Severity = 'error' | 'warning';

export interface Problem extends Issue {
  severity: Severity;
}

export type RegisterOutcome =
  | { ok: true; arn: string; family: string; revision: number }
  | { ok: false; code: string; message: string; line?: number; column?: number };

/** Text put into the editor from outside it (an example, a draft, the cleaned request). */
export interface Replacement {
  text: string;
  seq: number;
  /** true when Ctrl/Cmd+Z in the editor should bring the previous text back */
  undoable: boolean;
}

export interface DraftEntry {
  id: string;
  family: string | undefined;
}

export const VALIDATE_DELAY_MS = 200;

export const EMPTY_DEFINITION = toEditorText({
  family: '',
  containerDefinitions: [{ name: '', image: '', essential: true }],
});

export class TaskDefinitionEditor {
  text = $state('');
  /** validation of the text as of the last run (at most VALIDATE_DELAY_MS behind the typing) */
  result = $state.raw<ValidationResult | undefined>();
  /** the clean request, when the text is describe-task-definition output */
  cleanup = $state<string | undefined>();
  outcome = $state.raw<RegisterOutcome | undefined>();
  /** false when the last draft could not be written to storage */
  saved = $state(true);
  draftId = $state('');
  drafts = $state.raw<DraftEntry[]>([]);
  replacement = $state.raw<Replacement | undefined>();

  /**
   * The family the text names, as of the last validation. While the JSON is broken mid-edit and the
   * family cannot be read, the last one read stays, so the revision list does not flicker.
   */
  family = $state<string | undefined>();
  readonly problems: Problem[] = $derived.by(() => {
    const r = this.result;
    if (!r) return [];
    const all: Problem[] = [
      ...r.errors.map((i) => ({ ...i, severity: 'error' as const })),
      ...r.warnings.map((i) => ({ ...i, severity: 'warning' as const })),
    ];
    return all.sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  });

  readonly #registry: TaskDefinitionRegistry;
  readonly #book: DraftBook;
  readonly #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;
  #families = new Map<string, { text: string; family: string | undefined }>();

  constructor(options: { registry: TaskDefinitionRegistry; drafts?: DraftBook; delayMs?: number }) {
    this.#registry = options.registry;
    this.#book = options.drafts ?? new DraftBook();
    this.#delay = options.delayMs ?? VALIDATE_DELAY_MS;
    const last = this.#book.active ?? this.#book.list()[0];
    if (last) {
      this.draftId = last.id;
      this.text = last.text;
      this.#check();
      this.#listDrafts();
    } else {
      this.draftId = this.#book.newId();
      this.text = toEditorText(taskDefinitionSnippets[0].definition);
      this.#run();
    }
  }

  /** true while typing has not been validated and saved yet */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** The editor reports every change here; validation and saving follow after a short pause. */
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), this.#delay);
  }

  /** Validates and saves now (before Register, and when the page is hidden or left). */
  flush(): void {
    if (this.#timer !== undefined) this.#run();
  }

  /** Registers a new revision from the text. The text stays as it is either way. */
  register(): RegisterOutcome {
    this.flush();
    const request = requestFromText(this.text);
    let outcome: RegisterOutcome;
    if (!request) {
      const first = this.result?.errors[0];
      outcome = {
        ok: false,
        code: first?.code ?? 'ClientException',
        message: first?.message ?? 'The task definition must be a JSON object.',
        line: first?.line,
        column: first?.column,
      };
    } else {
      const result = this.#registry.register(request);
      if (result.ok) {
        const td = result.value;
        outcome = { ok: true, arn: td.taskDefinitionArn ?? '', family: td.family ?? '', revision: td.revision ?? 0 };
      } else {
        const at = this.result?.errors.find((e) => e.message === result.error.message);
        outcome = { ok: false, code: result.error.code, message: result.error.message, line: at?.line, column: at?.column };
      }
    }
    this.outcome = outcome;
    return outcome;
  }

  /** Opens an example in a draft of its own (or the draft that still holds it unchanged). */
  loadExample(id: string): void {
    const snippet = taskDefinitionSnippets.find((s) => s.id === id);
    if (snippet) this.#openText(toEditorText(snippet.definition));
  }

  /** Opens a registered revision as a draft, to edit it into the next revision. */
  openRevision(td: TaskDefinition): void {
    this.#openText(revisionRequestText(td));
  }

  /** Opens the latest revision of a registered family, or the draft already working on it. */
  openFamily(family: string): void {
    const draft = this.drafts.find((d) => d.family === family);
    if (draft) return this.openDraft(draft.id);
    const latest = this.#registry.revisions(family).at(-1);
    if (latest) this.openRevision(latest);
  }

  newDraft(): void {
    this.#open(this.#book.newId(), EMPTY_DEFINITION);
  }

  openDraft(id: string): void {
    const draft = this.#book.get(id);
    if (draft && id !== this.draftId) this.#open(id, draft.text);
  }

  /** Replaces pasted describe output with the clean request; Ctrl/Cmd+Z in the editor undoes it. */
  acceptCleanup(): void {
    const cleaned = this.cleanup;
    if (cleaned === undefined) return;
    this.text = cleaned;
    this.replacement = { text: cleaned, seq: ++this.#seq, undoable: true };
    this.#run();
  }

  dispose(): void {
    this.flush();
  }

  #openText(text: string): void {
    const same = this.#book.findByText(text);
    this.#open(same?.id ?? this.#book.newId(), text);
  }

  #open(id: string, text: string): void {
    this.flush();
    this.draftId = id;
    this.text = text;
    this.family = undefined;
    this.outcome = undefined;
    this.replacement = { text, seq: ++this.#seq, undoable: false };
    this.#run();
  }

  #check(): void {
    const read = readFamily(this.text);
    if (read.family !== undefined || read.clean) this.family = read.family;
    this.result = validateTaskDefinition(this.text);
    this.cleanup = cleanedDescribeOutput(this.text);
  }

  #run(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#check();
    this.saved = this.#book.save(this.draftId, this.text);
    this.#listDrafts();
  }

  #listDrafts(): void {
    this.drafts = this.#book.list().map((d) => {
      if (d.id === this.draftId) return { id: d.id, family: this.family };
      let cached = this.#families.get(d.id);
      if (!cached || cached.text !== d.text) {
        cached = { text: d.text, family: familyInText(d.text) };
        this.#families.set(d.id, cached);
      }
      return { id: d.id, family: cached.family };
    });
  }
}
