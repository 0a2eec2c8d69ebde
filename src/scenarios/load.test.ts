import { describe, expect, it } from 'vitest';
import { loadScenario } from './index';

const base = {
  id: 'tiny',
  kind: 'demo',
  title: { en: 'Tiny', ko: '작은 예' },
  description: { en: 'A tiny scenario.' },
  seed: 1,
  durationSeconds: 60,
  setup: { clusters: [{ clusterName: 'demo' }], instances: [{ ref: 'node', cluster: 'demo', instanceType: 't3.micro', count: 2 }] },
};

const text = (v: unknown) => JSON.stringify(v, null, 2);

/** 1-based line and column of the first occurrence of `needle` in `t`. */
function where(t: string, needle: string): { line: number; column: number } {
  const i = t.indexOf(needle);
  const before = t.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('loadScenario', () => {
  it('accepts a minimal scenario', () => {
    const r = loadScenario(text(base));
    expect(r.ok).toBe(true);
    expect(r.scenario?.id).toBe('tiny');
  });

  it('reports a JSON syntax error at its line and column', () => {
    const t = '{\n  "id": "tiny",\n  "kind": "demo",,\n}';
    const r = loadScenario(t);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ path: '', line: 3, column: 18 });
  });

  it('points an unknown member at its key', () => {
    const t = text({ ...base, sede: 4 });
    const r = loadScenario(t);
    expect(r.errors).toEqual([{ path: '/sede', message: 'Unknown member "sede".', ...where(t, '"sede"') }]);
  });

  it('points a value of the wrong type at the value, with its JSON pointer', () => {
    const t = text({ ...base, durationSeconds: 'long' });
    const r = loadScenario(t);
    expect(r.errors).toEqual([{ path: '/durationSeconds', message: 'Expected number, got string.', ...where(t, '"long"') }]);
  });

  it('names a missing required member at the object that lacks it', () => {
    const { seed: _seed, ...noSeed } = base;
    const r = loadScenario(text(noSeed));
    expect(r.errors).toEqual([{ path: '', message: 'Missing required member "seed".', line: 1, column: 1 }]);
  });

  it('checks goals by type: unknown types and members of another type', () => {
    const t = text({ ...base, goals: [{ id: 'g', title: { en: 'G' }, check: { type: 'serviceTasks', cluster: 'demo', service: 'web', group: 'x', equals: 1 } }, { id: 'h', title: { en: 'H' }, check: { type: 'magic' } }] });
    const r = loadScenario(t);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['/goals/0/check/group', 'Unknown member "group".'],
      ['/goals/1/check/type', expect.stringMatching(/^Must be one of "serviceTasks", /)],
    ]);
    expect(r.errors[0]).toMatchObject(where(t, '"group"'));
  });

  it('requires goals, hints and a solution of an exercise', () => {
    const r = loadScenario(text({ ...base, kind: 'exercise' }));
    expect(r.errors.map((e) => e.message)).toEqual(['An exercise needs at least one goal.', 'An exercise needs at least one hint.', 'An exercise needs a solution.']);
    expect(r.errors[0].path).toBe('/kind');
  });

  it('rejects instance refs the setup does not define, and reads operations', () => {
    const t = text({
      ...base,
      script: [
        { at: 5, fault: 'disconnectAgent', instance: 'node[2]' },
        { at: 6, ecs: 'describeServices', input: {} },
        { at: 7, ecs: 'updateService', fault: 'interruptSpot' },
        { at: 8, ecs: 'updateContainerInstancesState', input: { containerInstances: [{ $containerInstance: 'ghost' }], status: 'DRAINING' } },
      ],
    });
    const r = loadScenario(t);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['/script/0/instance', 'No setup instance is named "node[2]" (known: node).'],
      ['/script/1/ecs', '"describeServices" is not an ECS operation that changes something.'],
      ['/script/2', 'An action names one operation; this one has ecs and fault.'],
      ['/script/3/input/containerInstances/0/$containerInstance', 'No setup instance is named "ghost" (known: node).'],
    ]);
    expect(r.errors[0]).toMatchObject(where(t, '"node[2]"'));
  });

  it('checks setup task definitions as RegisterTaskDefinition would, located inside the scenario', () => {
    const t = text({ ...base, setup: { ...base.setup, taskDefinitions: [{ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096', containerDefinitions: [{ name: 'web', image: 'nginx' }] }] } });
    const r = loadScenario(t);
    expect(r.ok).toBe(false);
    expect(r.errors[0].path).toMatch(/^\/setup\/taskDefinitions\/0/);
    expect(r.errors[0].line).toBeGreaterThan(1);
  });

  it('reports a repeated member, as the last one wins', () => {
    const t = '{"id": "a", "id": "tiny", "kind": "demo", "title": {"en": "T"}, "description": {"en": "D"}, "seed": 1, "durationSeconds": 5, "setup": {"clusters": [{}]}}';
    const r = loadScenario(t);
    expect(r.errors).toEqual([{ path: '', message: 'The member "id" appears twice; the last one counts.', line: 1, column: 13 }]);
  });

  it('locates errors of an object argument in its pretty-printed JSON', () => {
    const r = loadScenario({ ...base, seed: -1 });
    expect(r.errors).toEqual([{ path: '/seed', message: 'Must be at least 0.', ...where(text({ ...base, seed: -1 }), '-1') }]);
  });

  it('refuses what is not plain JSON data without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(loadScenario(cyclic).ok).toBe(false);
    expect(loadScenario('').errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(loadScenario('[]').errors[0].message).toBe('Expected object, got array.');
  });
});

describe('loadScenario: capacity setup', () => {
  it('rejects a capacity provider naming an Auto Scaling group the setup does not create', () => {
    const t = text({ ...base, setup: { ...base.setup, autoScalingGroups: [{ autoScalingGroupName: 'asg', cluster: 'demo', instanceType: 'm5.large', minSize: 0, maxSize: 2 }], capacityProviders: [{ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: { $autoScalingGroupArn: 'other' } } }] } });
    const r = loadScenario(t);
    expect(r.errors).toEqual([
      { path: '/setup/capacityProviders/0/autoScalingGroupProvider/autoScalingGroupArn/$autoScalingGroupArn', message: 'No setup Auto Scaling group is named "other".', ...where(t, '"other"') },
    ]);
  });
});

describe('loadScenario: script timing', () => {
  it('rejects an action scheduled after the scenario ends', () => {
    const r = loadScenario({ ...base, script: [{ at: 61, fault: 'reconnectAgent', instance: 'node' }] });
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([['/script/0/at', 'At 61 s this action comes after the scenario ends (durationSeconds 60).']]);
  });
});
