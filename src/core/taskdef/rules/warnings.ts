/**
 * Placeholder warnings: every string value that looks like template text, except inside commands
 * (shell syntax such as ${VAR} or HTML snippets there is real content, not a placeholder).
 */
import { WarningMessages } from '../messages';
import type { Segment } from '../pointer';
import { findPlaceholder } from './placeholders';
import type { RuleInput } from './context';

const SHELL_MEMBERS = new Set(['command', 'entryPoint']);

function walk(v: unknown, segs: Segment[], r: RuleInput, depth: number): void {
  if (depth > 12) return;
  if (typeof v === 'string') {
    const p = findPlaceholder(v);
    if (p !== undefined) r.warn(segs, WarningMessages.placeholder(p));
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...segs, i], r, depth + 1));
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (SHELL_MEMBERS.has(k)) continue;
      walk(x, [...segs, k], r, depth + 1);
    }
  }
}

export function checkPlaceholders(r: RuleInput): void {
  walk(r.req, [], r, 0);
}
