/** A CodeDeploy canary with a hook: same seed and calls → the same log; snapshots mid-deployment and recipe replays continue exactly. */
import { describe, expect, it } from 'vitest';
import { recipeOf, replay } from '../engine/replay';
import { createSimulation } from '../engine/simulation';
import { recipeProblem } from '../session/recipeShape';
import { cdWorld, deploy, steadyTaskSets } from './testWorld';

function scenario(seed: number) {
  const w = cdWorld({ seed, config: 'CodeDeployDefault.ECSCanary10Percent5Minutes' });
  steadyTaskSets(w);
  w.sim.faults.setHookAnswer('arn:aws:lambda:us-east-1:123456789012:function:Check', 'SUCCEEDED');
  const id = deploy(w, [{ AfterAllowTestTraffic: 'Check' }]);
  w.sim.advance(2 * 60_000);
  return { w, id };
}

describe('CodeDeploy determinism', () => {
  it('replays byte for byte', () => {
    const a = scenario(21);
    const b = scenario(21);
    a.w.sim.advance(20 * 60_000);
    b.w.sim.advance(20 * 60_000);
    expect(JSON.stringify(b.w.sim.events)).toBe(JSON.stringify(a.w.sim.events));
    expect(a.w.sim.state.codedeploy!.deployments[a.id].status).toBe('Succeeded');
  });

  it('a snapshot taken mid-canary continues exactly like the uninterrupted run', () => {
    const a = scenario(22);
    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(a.w.sim.snapshot())) });
    a.w.sim.advance(20 * 60_000);
    restored.advance(20 * 60_000);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(a.w.sim.snapshot()));
  });

  it('sim.codedeploy calls are journaled (reads are not); the recipe is valid and replays to the same state', () => {
    const a = scenario(23);
    a.w.sim.codedeploy.getDeployment({ deploymentId: a.id });
    a.w.sim.codedeploy.stopDeployment({ deploymentId: a.id, autoRollbackEnabled: true });
    a.w.sim.advance(5 * 60_000);
    const cdCalls = a.w.sim.state.journal.filter((e) => e.api === 'codedeploy').map((e) => e.operation);
    expect(cdCalls).toEqual(['createApplication', 'createDeploymentGroup', 'createDeployment', 'stopDeployment']);
    const recipe = JSON.parse(JSON.stringify(recipeOf(a.w.sim)));
    expect(recipeProblem(recipe)).toBeUndefined();
    const b = replay(recipe);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.w.sim.snapshot()));
    expect(b.state.codedeploy!.deployments[a.id].status).toBe('Stopped');
  });
});
