/**
 * Template placeholders seen in real task definitions (corpus SOURCES.md): <IMAGE1_NAME>, ${VAR},
 * {{mustache}} and Go templates, $$$X$$$, CHANGEME_*, __X__, *PLACEHOLDER*, {your-account-id}, $VAR.
 */

const PATTERNS: readonly RegExp[] = [
  /<[A-Za-z][^<>]{0,80}>/, // <IMAGE1_NAME>, <your app image URL here>
  /\$\{[^{}]{1,80}\}/, // ${TAG}
  /\{\{[^]{1,200}?\}\}/, // {{ env `TAG` }}
  /\$\$\$[A-Za-z0-9_]+\$\$\$/, // $$$TASK_ROLE$$$
  /[A-Za-z0-9_]*CHANGEME[A-Za-z0-9_]*/i,
  /__[A-Z0-9]+(?:_[A-Z0-9]+)*__/, // __TASK_CPU__
  /[A-Za-z0-9_]*PLACEHOLDER[A-Za-z0-9_]*/i,
  /\{your[-_][^{}]{1,60}\}/i, // {your-account-id}
  /^\$[A-Z_][A-Z0-9_]*$/, // $APP_IMAGE
];

/** Cheap pre-filter: every pattern above needs one of these. */
const MAYBE = /[<${]|__|changeme|placeholder/i;

/** The placeholder text found in `s`, or undefined. */
export function findPlaceholder(s: string): string | undefined {
  if (s.length > 4096 || !MAYBE.test(s)) return undefined;
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (m) return m[0];
  }
  return undefined;
}

export function looksLikePlaceholder(s: string): boolean {
  return findPlaceholder(s) !== undefined;
}
