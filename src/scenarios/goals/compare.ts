/** `equals` / `atLeast` / `atMost` on a number, with the wording for evidence. */
import type { Comparison } from '../types';

export function compare(n: number, c: Comparison): boolean {
  if (c.equals !== undefined && n !== c.equals) return false;
  if (c.atLeast !== undefined && n < c.atLeast) return false;
  if (c.atMost !== undefined && n > c.atMost) return false;
  return true;
}

/** The wanted range in words; `unitKo` is the Korean counter (개, 대) placed after each number. */
export function wanted(c: Comparison, unitKo = ''): { en: string; ko: string } {
  const en: string[] = [];
  const ko: string[] = [];
  if (c.equals !== undefined) {
    en.push(`exactly ${c.equals}`);
    ko.push(`정확히 ${c.equals}${unitKo}`);
  }
  if (c.atLeast !== undefined) {
    en.push(`at least ${c.atLeast}`);
    ko.push(`${c.atLeast}${unitKo} 이상`);
  }
  if (c.atMost !== undefined) {
    en.push(`at most ${c.atMost}`);
    ko.push(`${c.atMost}${unitKo} 이하`);
  }
  return { en: en.join(' and '), ko: ko.join(', ') };
}

export function hasComparison(c: Comparison): boolean {
  return c.equals !== undefined || c.atLeast !== undefined || c.atMost !== undefined;
}
