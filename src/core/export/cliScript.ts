/**
 * The learner's session as an AWS CLI script: every ECS call from the journal, in order, as the
 * `aws ecs` command that makes it. Calls ECS refused in the playground are kept as comments with the
 * error, and EC2-side calls (instances, faults) as comments saying what they did.
 *
 * The formatter for one command is passed in: src/core/cli provides `toCliCommand(operation,
 * request)`; until then `cliInputJsonCommand` writes `--cli-input-json '…'`, which the AWS CLI
 * accepts for every operation.
 */
import type { JournalEntry } from '../engine/journal';
import type { SimulationRecipe } from '../engine/replay';
import { Simulation } from '../engine/simulation';

/** Formats one ECS call; `operation` is the API name in PascalCase (`RunTask`). */
export type CliFormatter = (operation: string, request: Record<string, unknown>) => string;

const wireName = (facade: string) => facade.charAt(0).toUpperCase() + facade.slice(1);
const kebab = (wire: string) => wire.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** POSIX single quotes: nothing inside is expanded by the shell. */
export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export const cliInputJsonCommand: CliFormatter = (operation, request) => {
  const json = JSON.stringify(request);
  return json === '{}' ? `aws ecs ${kebab(operation)}` : `aws ecs ${kebab(operation)} --cli-input-json ${singleQuote(json)}`;
};

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

export interface CallOutcome {
  entry: JournalEntry;
  /** AWS error code when the call failed in the playground */
  error?: string;
}

/** Replays a recipe call by call, noting which calls failed (the journal keeps failed calls too). */
export function callOutcomes(recipe: SimulationRecipe): CallOutcome[] {
  const sim = new Simulation({ ...recipe.options });
  const out: CallOutcome[] = [];
  for (const entry of recipe.journal) {
    sim.runUntil((s) => s.state.firedCount >= entry.fired, { maxMs: Math.max(0, entry.at - sim.now()) });
    sim.fastForward(entry.fired, entry.at);
    const fn = (sim[entry.api] as unknown as Record<string, (...a: unknown[]) => unknown>)[entry.operation];
    try {
      fn(...entry.args);
      out.push({ entry });
    } catch (e) {
      out.push({ entry, error: e instanceof Error ? e.name : 'Error' });
    }
  }
  return out;
}

const commentLines = (text: string) => text.split('\n').map((l) => `# ${l}`);

export function cliScriptOf(recipe: SimulationRecipe, format: CliFormatter = cliInputJsonCommand): string {
  const lines = [
    '#!/usr/bin/env bash',
    '# What you did in ECS Playground, as AWS CLI commands (in order; times are virtual).',
    `# Region ${recipe.options.region}. Names, subnets and ARNs are the playground's: adjust them for your account.`,
    'set -euo pipefail',
    '',
  ];
  for (const { entry, error } of callOutcomes(recipe)) {
    const request = (entry.args[0] ?? {}) as Record<string, unknown>;
    lines.push(`# ${clock(entry.at)}`);
    if (entry.api !== 'ecs') {
      lines.push(...commentLines(`playground ${entry.api}.${entry.operation}(${JSON.stringify(entry.args).slice(1, -1)}) — not an ECS API call`));
    } else if (error) {
      lines.push(`# failed in the playground with ${error}:`, ...commentLines(format(wireName(entry.operation), request)));
    } else {
      lines.push(format(wireName(entry.operation), request));
    }
  }
  return `${lines.join('\n')}\n`;
}
