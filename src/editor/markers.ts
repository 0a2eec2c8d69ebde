/** Where a problem's squiggle ends: across the token the 1-based column points at. */

const WORD = /[A-Za-z0-9_.+\-]/;

/** Exclusive, 1-based end column of the token starting at `column` in `lineText`. */
export function tokenEnd(lineText: string, column: number): number {
  const start = column - 1;
  if (start < 0 || start >= lineText.length) return column + 1;
  const first = lineText[start];
  if (first === '"') {
    for (let i = start + 1; i < lineText.length; i++) {
      if (lineText[i] === '\\') i++;
      else if (lineText[i] === '"') return i + 2;
    }
    return lineText.length + 1;
  }
  if (WORD.test(first)) {
    let i = start;
    while (i < lineText.length && WORD.test(lineText[i])) i++;
    return i + 1;
  }
  return column + 1;
}
