/**
 * The console's state: a scrollback of commands and what they printed, the input line, and a
 * command history kept in this browser. Commands run against the playground's simulation through
 * the core's CLI (src/core/cli); actions taken elsewhere in the UI are echoed here as the CLI
 * commands they equal.
 */
import { untrack } from 'svelte';
import { needsMoreInput, runCommandLine } from '../core/cli';
import type { CliEcho, Playground } from './playground.svelte';
import { readText, writePreference } from './storage';

export interface ConsoleEntry {
  id: number;
  /** `command`: typed here; `echo`: an action taken in the UI; `help`: the built-in help */
  kind: 'command' | 'echo' | 'help';
  command: string;
  stdout: string;
  stderr: string;
  notes: string[];
  exitCode: number;
}

export const HISTORY_KEY = 'ecs-playground.consoleHistory';
export const HISTORY_MAX = 100;
export const SCROLLBACK_MAX = 200;

/** Commands a learner can start from, one click away. */
export const CONSOLE_EXAMPLES: readonly string[] = [
  'aws ecs create-cluster --cluster-name demo',
  `aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions 'name=web,image=nginx,memory=256,portMappings=[{containerPort=80}]'`,
  'aws ecs run-task --cluster demo --task-definition web --count 2 --launch-type EC2',
  'aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2 --launch-type EC2',
  'aws ecs wait services-stable --cluster demo --services web',
  'aws ecs list-tasks --cluster demo',
  'aws ecs describe-clusters --clusters demo --output text',
  'aws ecs run-task help',
];

function loadHistory(): string[] {
  const text = readText(HISTORY_KEY);
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

export class ConsoleState {
  entries = $state.raw<ConsoleEntry[]>([]);
  input = $state('');
  #history: string[];
  /** position while browsing the history; equal to its length when editing a new line */
  #cursor: number;
  /** the line being typed before browsing the history began */
  #draft = '';
  #nextId = 1;
  readonly #playground: Playground;
  readonly #unsubscribe: () => void;

  constructor(playground: Playground) {
    this.#playground = playground;
    this.#history = loadHistory();
    this.#cursor = this.#history.length;
    this.#unsubscribe = playground.onAction((echo) => this.#echo(echo));
  }

  get history(): readonly string[] {
    return this.#history;
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #push(entries: Omit<ConsoleEntry, 'id'>[]): void {
    const added = entries.map((e) => ({ ...e, id: this.#nextId++ }));
    // Actions may run inside an effect; reading the scrollback there must not make it depend on it.
    this.entries = [...untrack(() => this.entries), ...added].slice(-SCROLLBACK_MAX);
  }

  #echo(echo: CliEcho): void {
    this.#push([{ kind: 'echo', ...echo, notes: [] }]);
  }

  /** True when the input is incomplete (an open quote, a trailing backslash): Enter adds a line instead. */
  get incomplete(): boolean {
    return needsMoreInput(this.input);
  }

  /** Runs what is in the input line (or `text`); returns false when there was nothing to run. */
  submit(text: string = this.input): boolean {
    const line = text.replace(/\s+$/, '');
    if (line.trim() === '') return false;
    this.#remember(line);
    this.input = '';
    const word = line.trim();
    if (word === 'clear') {
      this.clear();
      return true;
    }
    if (word === 'help') {
      this.#push([{ kind: 'help', command: 'help', stdout: '', stderr: '', notes: [], exitCode: 0 }]);
      return true;
    }
    const result = this.#playground.act((sim) => runCommandLine(sim, line));
    if (result.ok) {
      this.#push(result.value.map((r) => ({ kind: 'command' as const, ...r })));
    } else {
      this.#push([{ kind: 'command', command: line, stdout: '', stderr: `${result.error.code}: ${result.error.message}`, notes: [], exitCode: 255 }]);
    }
    return true;
  }

  #remember(line: string): void {
    if (this.#history[this.#history.length - 1] !== line) this.#history = [...this.#history, line].slice(-HISTORY_MAX);
    this.#cursor = this.#history.length;
    this.#draft = '';
    writePreference(HISTORY_KEY, JSON.stringify(this.#history));
  }

  /** Up arrow: the previous command of the history (the line being typed is kept for Down). */
  previous(): void {
    if (this.#cursor === 0) return;
    if (this.#cursor === this.#history.length) this.#draft = this.input;
    this.#cursor--;
    this.input = this.#history[this.#cursor];
  }

  /** Down arrow: the next command, and finally the line that was being typed. */
  next(): void {
    if (this.#cursor >= this.#history.length) return;
    this.#cursor++;
    this.input = this.#cursor === this.#history.length ? this.#draft : this.#history[this.#cursor];
  }

  clear(): void {
    this.entries = [];
  }
}

const consoles = new WeakMap<Playground, ConsoleState>();

/** The console of a playground: one per playground, created on first use and kept for its life. */
export function consoleFor(playground: Playground): ConsoleState {
  let state = consoles.get(playground);
  if (!state) consoles.set(playground, (state = new ConsoleState(playground)));
  return state;
}
