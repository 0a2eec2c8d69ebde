import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtInScenarios, GOAL_TYPES, scenarioJsonSchema } from './index';
import { checkSchema } from './schemaCheck';

function compile() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(scenarioJsonSchema);
}

describe('scenarioJsonSchema', () => {
  it('is a draft-07 schema a standard validator compiles', () => {
    expect(scenarioJsonSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => compile()).not.toThrow();
  });

  it('accepts every built-in scenario (checked by a standard validator, not only ours)', () => {
    const validate = compile();
    for (const s of builtInScenarios) expect(validate(JSON.parse(JSON.stringify(s))), `${s.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('agrees with the loader\'s own checker on broken scenarios', () => {
    const validate = compile();
    const s = JSON.parse(JSON.stringify(builtInScenarios[0]));
    const broken = [
      { ...s, kind: 'quiz' },
      { ...s, seed: 1.5 },
      { ...s, extra: true },
      { ...s, setup: { ...s.setup, clusters: [] } },
      { ...s, goals: [{ id: 'x', title: { en: 'x' }, check: { type: 'serviceTasks', cluster: 'c' } }] },
      { ...s, goals: [{ id: 'x', title: { en: 'x' }, check: { type: 'spread', cluster: 'c', group: 'g', attribute: 'a', maxDifference: 1, oops: 1 } }] },
      { ...s, script: [{ at: -1, ecs: 'updateService' }] },
      { ...s, title: { en: '' } },
    ];
    for (const b of broken) {
      expect(validate(b), JSON.stringify(b).slice(0, 80)).toBe(false);
      expect(checkSchema(scenarioJsonSchema, b).length, JSON.stringify(b).slice(0, 80)).toBeGreaterThan(0);
    }
  });

  it('describes every goal type for the editor\'s hovers', () => {
    for (const [name, spec] of Object.entries(GOAL_TYPES)) expect(spec.description.length, name).toBeGreaterThan(10);
  });
});
