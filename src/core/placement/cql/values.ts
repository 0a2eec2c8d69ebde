/**
 * Literal values of the cluster query language: registeredAt dates, agent versions, counts and
 * Java-style regular expressions, parsed once when the expression is parsed.
 */

/** A registeredAt argument: epoch ms, and whether only a day was given (compared by day). */
export interface CqlDate {
  ms: number;
  dayOnly: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The four documented formats: 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28
 * (read as UTC) and 2018-06-18. Anything else, or an impossible date, is undefined.
 */
export function parseCqlDate(text: string): CqlDate | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return undefined; // 2018-02-30
  let offset = 0;
  const zone = m[7];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const [zh, zm] = zone.slice(1).split(':').map(Number);
    if (zh > 23 || zm > 59) return undefined;
    offset = sign * (zh * 60 + zm) * 60_000;
  }
  return { ms: ms - offset, dayOnly: m[4] === undefined };
}

const DAY_MS = 86_400_000;

/** -1, 0 or 1: an instance's registration time against a date argument (by day for a day-only argument, else by second). */
export function compareRegisteredAt(registeredAtMs: number, arg: CqlDate): number {
  if (arg.dayOnly) return Math.sign(Math.floor(registeredAtMs / DAY_MS) - Math.floor(arg.ms / DAY_MS));
  return Math.sign(Math.floor(registeredAtMs / 1000) - Math.floor(arg.ms / 1000));
}

const VERSION_RE = /^v?\d+(\.\d+)*$/;

export function isVersion(text: string): boolean {
  return VERSION_RE.test(text);
}

/** Dotted numeric comparison; missing parts count as 0 (1.14 == 1.14.0). A leading "v" is ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.');
  const pb = b.replace(/^v/, '').split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number(pa[i] ?? 0);
    const y = Number(pb[i] ?? 0);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      const c = (pa[i] ?? '').localeCompare(pb[i] ?? '');
      if (c !== 0) return Math.sign(c);
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function isCount(text: string): boolean {
  return /^\d+$/.test(text);
}

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/** Ordering for attribute values: numeric when both are numbers, else by UTF-16 code units. */
export function compareAttributeValues(a: string, b: string): number {
  if (NUMBER_RE.test(a) && NUMBER_RE.test(b)) return Math.sign(Number(a) - Number(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A Java-style pattern as a JavaScript RegExp that must match the whole value (Java's
 * `String.matches`). A leading `(?i)` becomes the case-insensitive flag. Returns the reason when
 * JavaScript cannot compile it (Java-only syntax such as possessive quantifiers included).
 */
export function compilePattern(pattern: string): { ok: true; re: RegExp } | { ok: false; why: string } {
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  const risky = nestedQuantifier(source);
  if (risky) return { ok: false, why: risky };
  try {
    return { ok: true, re: new RegExp(`^(?:${source})$`, flags) };
  } catch (e) {
    const msg = (e as Error).message;
    return { ok: false, why: msg.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') };
  }
}

/**
 * JavaScript regular expressions backtrack: a quantified group that itself repeats or alternates,
 * like `(a+)+b` or `(a|aa)*c`, can take seconds on a short value and freeze the page. Java (which ECS
 * uses) has the same weakness; the playground refuses such patterns up front instead of hanging.
 * Returns why the pattern is refused, or undefined when it is safe.
 */
export function nestedQuantifier(source: string): string | undefined {
  // per open group: does it contain a quantifier or an alternation?
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const repeats = groups.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (repeats && quantified && next !== '?') {
        return `the group ending at column ${i + 1} repeats something that itself repeats or alternates, which can take exponential time to match`;
      }
      if (repeats && groups.length > 0) groups[groups.length - 1] = true;
      if (quantified && groups.length > 0) groups[groups.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return undefined;
}
