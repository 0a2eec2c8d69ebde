import { describe, expect, it } from 'vitest';
import { recipeOf } from '../engine/replay';
import { recipeProblem } from '../session/recipeShape';
import { lbWorld } from './testWorld';

describe('sim.elbv2 in the journal', () => {
  it('records writes (not Describe* reads) under api elbv2, and recipes holding them pass the shape check', () => {
    const w = lbWorld();
    w.sim.elbv2.describeTargetGroups();
    const entries = w.sim.state.journal.filter((e) => e.api === 'elbv2').map((e) => e.operation);
    expect(entries).toEqual(['createLoadBalancer', 'createTargetGroup', 'createTargetGroup', 'createListener', 'createListener']);
    expect(recipeProblem(recipeOf(w.sim))).toBeUndefined();
  });
});
