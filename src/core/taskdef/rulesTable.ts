/** Runs a table of rule cases: each has one accepted and one rejected definition. */
import { describe, it } from 'vitest';
import { expectError, expectValid, run, type Json } from './testHelpers';

export interface RuleCase {
  rule: string;
  ok: Json;
  bad: Json;
  path: string;
  message: string | RegExp;
  /** where the error must point, found by text search in the pretty-printed bad definition */
  pos: (text: string) => { line: number; column: number };
}

export function ruleTable(title: string, cases: RuleCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(`${c.rule}: accepts`, () => expectValid(run(c.ok).r));
      it(`${c.rule}: rejects at ${c.path || '(root)'}`, () => {
        const { text, r } = run(c.bad);
        expectError(r, c.path, c.message, c.pos(text));
      });
    }
  });
}
