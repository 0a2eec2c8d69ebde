/**
 * Property tests: random and mutated inputs never make the validator throw, every issue points
 * inside the text, and the output stays small. Fixed seeds keep the runs reproducible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from './issues';
import { validateRegisterRequest, validateTaskDefinition, type ValidationResult } from './validate';

const fixtures = Object.values(import.meta.glob<string>('./fixtures/*.json', { eager: true, query: '?raw', import: 'default' }));
const fixtureValues = fixtures.map((t) => JSON.parse(t) as Record<string, unknown>);

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkBounded(text: string, r: ValidationResult): void {
  const lines = lineCount(text);
  const all: Issue[] = [...r.errors, ...r.warnings];
  expect(all.length).toBeLessThan(2000);
  for (const i of all) {
    expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.line).toBeLessThanOrEqual(lines);
    expect(i.column).toBeGreaterThanOrEqual(1);
    expect(i.path === '' || i.path.startsWith('/')).toBe(true);
    expect(i.message.length).toBeLessThan(2000);
  }
  expect(r.ok).toBe(r.errors.length === 0);
  if (r.ok) expect(r.value).toBeDefined();
}

function safeValidate(text: string): ValidationResult {
  let r: ValidationResult | undefined;
  expect(() => {
    r = validateTaskDefinition(text);
  }).not.toThrow();
  return r!;
}

type Mutation = (t: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, len]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + len)),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })).map(([at, s]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '//', '/*', 'null', '-1', '1e999', '\u2028', '\uFEFF')).map(
    ([at, s]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
  ),
  fc.nat().map((at): Mutation => (t) => t.slice(0, at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, len]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
  }),
);

/** Every path into a JSON value, for structural mutations. */
function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

describe('fuzz: the validator never throws and stays bounded', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => checkBounded(s, safeValidate(s))),
      { seed: 20261122, numRuns: 400 },
    );
  });

  it('on random JSON documents', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (s) => checkBounded(s, safeValidate(s))),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('on mutated fixture texts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        const mutated = ms.reduce((t, m) => m(t), text);
        checkBounded(mutated, safeValidate(mutated));
      }),
      { seed: 20261124, numRuns: 600 },
    );
  });

  it('on fixtures with any value put anywhere (validateRegisterRequest too)', () => {
    const arb = fc.constantFrom(...fixtureValues).chain((v) => {
      const paths = pathsOf(v);
      return fc.tuple(fc.constant(v), fc.constantFrom(...paths), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined), fc.constantFrom(null, '', -1, 1e308, 'x'.repeat(300), [], {})));
    });
    fc.assert(
      fc.property(arb, ([v, path, replacement]) => {
        const mutated = setAt(v, path, replacement);
        expect(() => validateRegisterRequest(mutated)).not.toThrow();
        const text = JSON.stringify(mutated, null, 2) ?? 'undefined';
        checkBounded(text, safeValidate(text));
      }),
      { seed: 20261125, numRuns: 600 },
    );
  });

  it('validateRegisterRequest survives values JSON cannot express', () => {
    const cyclic: Record<string, unknown> = { family: 'web' };
    cyclic.containerDefinitions = [cyclic];
    for (const v of [cyclic, { family: 'web', containerDefinitions: [{ name: 'a', image: 'x', memory: Number.NaN }] }, Object.create(null), new Map()]) {
      expect(() => validateRegisterRequest(v)).not.toThrow();
    }
  });
});
