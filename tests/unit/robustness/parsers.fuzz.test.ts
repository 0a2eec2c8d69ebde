/**
 * Fuzz: thousands of random and mutated inputs for the parsers that read what learners type or
 * paste. None may throw, and none may take longer than PER_INPUT_MS (a bound, not a benchmark).
 * fast-check prints the seed and the shrunk input of any failure; FUZZ_SEED=<n> replays a run.
 *
 * Covered: task-definition text (validateTaskDefinition) and request objects
 * (validateRegisterRequest), the cluster query language (parse, compile, evaluate), the safe JSON
 * reader, and snapshots restored from outside. The console's `aws ecs` parser has its own fuzz test
 * beside it (src/core/cli/fuzz.test.ts). To add when they land: the scenario loader and the
 * share-link decoder (run every mutated link through the decoder the same way).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  readSafeJson,
  SimulationError,
  taskDefinitionSnippets,
  validateRegisterRequest,
  validateTaskDefinition,
  type SimulationSnapshot,
} from '../../../src/core/index';
import { compileCql, parseCql, type CqlFacts } from '../../../src/core/placement/cql';
import { PER_INPUT_MS, show, timed } from './timing';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number): fc.Parameters<unknown> => (seed === undefined ? { numRuns } : { numRuns, seed });

/** Asserts fn never throws on `arb`'s inputs and each call stays within the time bound. */
function fuzz<T>(arb: fc.Arbitrary<T>, fn: (input: T) => unknown, numRuns: number): void {
  let slowest = 0;
  fc.assert(
    fc.property(arb, (input) => {
      const ms = timed(fn, input);
      slowest = Math.max(slowest, ms);
      if (ms > PER_INPUT_MS) throw new Error(`took ${ms.toFixed(0)} ms (bound ${PER_INPUT_MS} ms) on ${show(input)}`);
    }),
    params(numRuns) as fc.Parameters<[T]>,
  );
  expect(slowest).toBeLessThanOrEqual(PER_INPUT_MS);
}

/** Edits a seed string: insert, delete, replace, duplicate a slice, or cut it short. */
function mutations(seeds: readonly string[], alphabet: readonly string[], maxEdits = 8): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...alphabet), fc.nat(40)), { maxLength: maxEdits }))
    .map(([start, edits]) => {
      let s = start;
      for (const [pos, kind, ch, len] of edits) {
        const at = pos % (s.length + 1);
        if (kind === 0) s = s.slice(0, at) + ch + s.slice(at);
        else if (kind === 1) s = s.slice(0, at) + s.slice(at + 1 + len);
        else if (kind === 2) s = s.slice(0, at) + ch + s.slice(at + 1);
        else if (kind === 3) s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
        else s = s.slice(0, at);
      }
      return s;
    });
}

const JSON_ALPHABET = [...'{}[]:,"\\ \n\t0123456789-+.eEtrufalsn/*#'].concat(['"family"', '"containerDefinitions"', '"cpu"', '"__proto__"', 'null', '\u0000', '😀', '가', '\ud800']);

const taskDefinitionTexts = taskDefinitionSnippets.map((s) => JSON.stringify(s.definition, null, 2));

describe('task-definition text never breaks the validator (fuzz)', () => {
  it('random text', () => {
    fuzz(fc.string({ maxLength: 400, unit: 'binary' }), validateTaskDefinition, 1500);
  });

  it('mutated task definitions', () => {
    fuzz(mutations(taskDefinitionTexts, JSON_ALPHABET, 10), (text) => {
      const r = validateTaskDefinition(text);
      if (typeof r.ok !== 'boolean' || !Array.isArray(r.errors)) throw new Error('result without ok and errors');
    }, 2500);
  });

  it('random JSON values where a task definition is expected', () => {
    const jsonish = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
    fuzz(jsonish, validateTaskDefinition, 800);
  });

  it('huge and deeply nested text is refused quickly', () => {
    const big = fc.constantFrom(
      '['.repeat(200_000),
      '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
      JSON.stringify({ family: 'x', containerDefinitions: [{ name: 'a', image: 'b', environment: Array.from({ length: 9_000 }, (_, i) => ({ name: `V${i}`, value: 'x' })) }] }),
      '"' + 'a'.repeat(600_000) + '"',
    );
    fuzz(big, validateTaskDefinition, 8);
  });
});

describe('request objects never break validateRegisterRequest (fuzz)', () => {
  it('random objects, and snippets with members replaced by random values', () => {
    const replaced = fc
      .tuple(fc.constantFrom(...taskDefinitionSnippets.map((s) => s.definition)), fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }))
      .map(([def, edits]) => {
        const copy = structuredClone(def) as unknown as Record<string, unknown>;
        const container = (copy.containerDefinitions as Record<string, unknown>[])[0];
        for (const [pick, value] of edits) {
          const target = pick % 2 ? copy : container;
          const keys = Object.keys(target);
          target[keys[pick % keys.length]] = value;
        }
        return copy;
      });
    fuzz(fc.oneof(fc.anything({ maxDepth: 3 }), replaced), validateRegisterRequest, 1500);
  });
});

const CQL_SEEDS = [
  'attribute:ecs.instance-type == t2.micro',
  'attribute:ecs.instance-type =~ g2.*',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'not(task:group == database)',
  'runningTasksCount == 1',
  'agentConnected == true and agentVersion >= 1.40.0',
  "registeredAt < 2026-01-05T09:00:00Z and ec2InstanceId in ['i-0123456789abcdef0']",
  'attribute:ecs.os-type == linux and (attribute:color exists or attribute:ecs.cpu-architecture != arm64)',
  'attribute:name matches (?i)^web-[0-9]{2}$',
  'attribute:stack not_in [prod, staging] or task:group =~ service:*',
];
const CQL_ALPHABET = [...'()[],:=!~<>*. \'"-_0123456789aAzZ'].concat(['and ', ' or ', 'not', 'in', 'exists', 'matches', 'attribute:', 'task:group', '\u00e9', '\t']);

const facts: CqlFacts = {
  agentConnected: true,
  agentVersion: '1.86.0',
  ec2InstanceId: 'i-0123456789abcdef0',
  registeredAtMs: Date.UTC(2026, 0, 5, 9, 0, 0),
  runningTasksCount: 2,
  attributes: new Map<string, string | null>([
    ['ecs.instance-type', 't3.small'],
    ['ecs.availability-zone', 'us-east-1a'],
    ['ecs.os-type', 'linux'],
    ['name', 'web-01'],
    ['flag', null],
  ]),
  taskGroups: new Map([['service:web', 2]]),
};

function parseCompileEvaluate(text: string): void {
  const parsed = parseCql(text);
  if (!parsed.ok) {
    if (typeof parsed.error.message !== 'string' || !(parsed.error.column >= 1)) throw new Error('syntax error without message or column');
    return;
  }
  const compiled = compileCql(parsed.expr);
  if (typeof compiled.test(facts) !== 'boolean') throw new Error('predicate did not return a boolean');
}

describe('cluster query language never throws (fuzz)', () => {
  it('random text', () => {
    fuzz(fc.string({ maxLength: 200 }), parseCompileEvaluate, 2000);
  });

  it('mutated expressions, parsed, compiled and evaluated', () => {
    fuzz(mutations(CQL_SEEDS, CQL_ALPHABET, 8), parseCompileEvaluate, 3000);
  });

  it('long and deeply nested expressions', () => {
    const deep = fc.nat({ max: 3000 }).map((n) => 'not('.repeat(n) + 'runningTasksCount == 1' + ')'.repeat(n));
    const wide = fc.nat({ max: 400 }).map((n) => Array.from({ length: n }, (_, i) => `attribute:a${i} exists`).join(' or '));
    fuzz(fc.oneof(deep, wide), parseCompileEvaluate, 200);
  });

  // `matches` compiles the learner's pattern into a backtracking RegExp; nested quantifiers such as
  // `(a+)+b` would block the tab for seconds on a short value, so the parser refuses them up front.
  it('refuses catastrophic `matches` patterns, naming the column, and evaluates safe ones', () => {
    for (const pattern of ['(a+)+b', '(a*)*b', '(a|aa)+b', '((ab)+)+c', '(x+x+)+y']) {
      const parsed = parseCql(`attribute:name matches ${pattern}`);
      expect(parsed.ok, pattern).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(/exponential time/);
    }
    const safe = parseCql('attribute:name matches (?i)web-[0-9]+(-canary)?');
    if (!safe.ok) throw new Error(safe.error.message);
    const compiled = compileCql(safe.expr);
    expect(compiled.test({ ...facts, attributes: new Map([['name', 'WEB-42-canary']]) })).toBe(true);
    expect(compiled.test({ ...facts, attributes: new Map([['name', 'a'.repeat(23)]]) })).toBe(false);
  });
});

describe('outside JSON never breaks the safe reader (fuzz)', () => {
  it('random and mutated JSON text', () => {
    const texts = fc.oneof(
      fc.string({ maxLength: 300, unit: 'binary' }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      mutations(taskDefinitionTexts, JSON_ALPHABET, 10),
    );
    fuzz(texts, (text) => {
      const r = readSafeJson(text, { maxBytes: 4096, maxDepth: 16 });
      if (r.ok === false && typeof r.error.message !== 'string') throw new Error('error without message');
    }, 2000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('snapshots from outside are restored or refused with a SimulationError (fuzz)', () => {
  const base = createSimulation({ seed: 5 });
  base.ecs.createCluster({ clusterName: 'demo' });
  base.infra.launchInstances({ cluster: 'demo', instanceType: 't3.small', count: 2 });
  base.advance(90_000);
  const text = JSON.stringify(base.snapshot());

  it('mutated snapshot text', () => {
    const SNAP_ALPHABET = [...'{}[]:,"0123456789-.'].concat(['null', 'true', '"x"', '[]', '{}', '"__proto__"', '"constructor"']);
    fuzz(mutations([text], SNAP_ALPHABET, 6), (t) => {
      const parsed = readSafeJson(t, { forbiddenKeys: 'keep' });
      if (!parsed.ok) return;
      let sim;
      try {
        sim = createSimulation({ snapshot: parsed.value as unknown as SimulationSnapshot });
      } catch (e) {
        if (e instanceof SimulationError) return; // refused, with a reason
        throw e;
      }
      // A damaged state can pass the shape check (a record with a wrong member deep inside); what
      // running it does is the engine's business, not the loader's.
      try {
        sim.advance(1_000);
      } catch {
        /* tolerated */
      }
    }, 300);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
