import { describe, expect, it } from 'vitest';
import { loadScenario, startScenario } from './index';
import { instanceId, parseRef, refsOf } from './refs';

describe('instance refs', () => {
  it('parses ref and ref[index]', () => {
    expect(parseRef('node')).toEqual({ name: 'node', index: 0 });
    expect(parseRef('node[2]')).toEqual({ name: 'node', index: 2 });
    expect(parseRef('no de')).toBeUndefined();
  });

  it('rebuilt from a running simulation, they skip instances Auto Scaling groups launched during setup', () => {
    const loaded = loadScenario({
      id: 'refs',
      kind: 'demo',
      title: { en: 'Refs' },
      description: { en: 'Refs.' },
      seed: 3,
      durationSeconds: 10,
      setup: {
        clusters: [{ clusterName: 'c' }],
        autoScalingGroups: [{ autoScalingGroupName: 'asg', cluster: 'c', instanceType: 't3.small', minSize: 1, maxSize: 2, desiredCapacity: 1 }],
        instances: [
          { ref: 'a', cluster: 'c', instanceType: 't3.micro', count: 2 },
          { ref: 'b', cluster: 'c', instanceType: 'm5.large' },
        ],
      },
    });
    expect(loaded.errors).toEqual([]);
    const s = loaded.scenario!;
    const sim = startScenario(s);
    const refs = refsOf(s, sim);
    const typeOf = (ref: string) => sim.infra.describeInstances({ instanceIds: [instanceId(refs, ref)!] }).instances[0].instanceType;
    expect([typeOf('a'), typeOf('a[1]'), typeOf('b')]).toEqual(['t3.micro', 't3.micro', 'm5.large']);
    expect(instanceId(refs, 'a[2]')).toBeUndefined();
  });
});
