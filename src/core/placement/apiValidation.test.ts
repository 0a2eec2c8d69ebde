import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';

describe('the API checks placement expressions with the cluster query language parser', () => {
  it('RegisterTaskDefinition rejects a memberOf expression with a syntax error, naming the column', () => {
    const sim = createSimulation({ seed: 1 });
    expect(() =>
      sim.ecs.registerTaskDefinition({
        family: 'bad',
        containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }],
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type in t3.small' }],
      }),
    ).toThrow(expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringContaining("at column 32") }));
  });

  it('RegisterTaskDefinition accepts a valid memberOf expression', () => {
    const sim = createSimulation({ seed: 1 });
    const out = sim.ecs.registerTaskDefinition({
      family: 'good',
      containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type in [t3.small, t3.medium]' }],
    });
    expect(out.taskDefinition?.placementConstraints).toEqual([{ type: 'memberOf', expression: 'attribute:ecs.instance-type in [t3.small, t3.medium]' }]);
  });
});
