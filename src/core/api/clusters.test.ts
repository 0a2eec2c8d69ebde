import { describe, expect, it } from 'vitest';
import { createSimulation, EcsError } from '../index';

function expectEcsError(fn: () => unknown, name: string, message: string | RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EcsError);
    expect((e as EcsError).name).toBe(name);
    if (typeof message === 'string') expect((e as EcsError).message).toBe(message);
    else expect((e as EcsError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${name} to be thrown`);
}

describe('CreateCluster', () => {
  it('creates an ACTIVE cluster with a long-format ARN and zero counts', () => {
    const sim = createSimulation({ seed: 42 });
    const { cluster } = sim.ecs.createCluster({ clusterName: 'demo' });
    expect(cluster).toEqual({
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
      clusterName: 'demo',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      statistics: [],
      tags: [],
      settings: [{ name: 'containerInsights', value: 'disabled' }],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
    expect(sim.events.at(-1)).toMatchObject({ type: 'cluster.created', resource: cluster!.clusterArn, time: 0 });
  });

  it('names the cluster "default" when no name is given', () => {
    const sim = createSimulation();
    expect(sim.ecs.createCluster().cluster?.clusterName).toBe('default');
    expect(sim.ecs.describeClusters().clusters?.[0].clusterName).toBe('default');
  });

  it('is idempotent for an ACTIVE cluster of the same name', () => {
    const sim = createSimulation();
    const first = sim.ecs.createCluster({ clusterName: 'demo', tags: [{ key: 'team', value: 'a' }] });
    const second = sim.ecs.createCluster({ clusterName: 'demo' });
    expect(second).toEqual(first);
    expect(sim.ecs.listClusters().clusterArns).toHaveLength(1);
    expect(sim.events.filter((e) => e.type === 'cluster.created')).toHaveLength(1);
  });

  it('rejects names outside 1-255 letters, numbers, underscores and hyphens', () => {
    const sim = createSimulation();
    for (const name of ['has space', 'dot.name', 'x'.repeat(256), 'ünïcode']) {
      expectEcsError(() => sim.ecs.createCluster({ clusterName: name }), 'InvalidParameterException', /Cluster name must be 1-255/);
    }
    expect(sim.ecs.createCluster({ clusterName: 'A_b-9' }).cluster?.status).toBe('ACTIVE');
  });

  it('enforces the tag limits', () => {
    const sim = createSimulation();
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expectEcsError(() => sim.ecs.createCluster({ clusterName: 'a', tags }), 'InvalidParameterException', /at most 50 tags/);
    expectEcsError(() => sim.ecs.createCluster({ clusterName: 'a', tags: [{ key: 'aws:x', value: 'v' }] }), 'InvalidParameterException', /reserved prefix/);
  });

  it('keeps the containerInsights setting asked for', () => {
    const sim = createSimulation();
    const { cluster } = sim.ecs.createCluster({ clusterName: 'c', settings: [{ name: 'containerInsights', value: 'enabled' }] });
    expect(cluster?.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
  });
});

describe('DescribeClusters', () => {
  it('reports unknown clusters as failures with reason MISSING', () => {
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'demo' });
    const out = sim.ecs.describeClusters({ clusters: ['demo', 'nope'] });
    expect(out.clusters?.map((c) => c.clusterName)).toEqual(['demo']);
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING' }]);
  });

  it('accepts ARNs and includes tags only when asked', () => {
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'demo', tags: [{ key: 'env', value: 'dev' }] });
    const arn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo';
    expect(sim.ecs.describeClusters({ clusters: [arn] }).clusters?.[0].tags).toEqual([]);
    expect(sim.ecs.describeClusters({ clusters: [arn], include: ['TAGS'] }).clusters?.[0].tags).toEqual([{ key: 'env', value: 'dev' }]);
  });

  it('rejects unknown include values', () => {
    const sim = createSimulation();
    expectEcsError(() => sim.ecs.describeClusters({ include: ['NOPE' as never] }), 'InvalidParameterException', /Invalid value 'NOPE' for include/);
  });
});

describe('ListClusters', () => {
  it('pages through ACTIVE clusters with nextToken', () => {
    const sim = createSimulation();
    for (let i = 0; i < 5; i++) sim.ecs.createCluster({ clusterName: `c${i}` });
    const first = sim.ecs.listClusters({ maxResults: 2 });
    expect(first.clusterArns).toHaveLength(2);
    const second = sim.ecs.listClusters({ maxResults: 2, nextToken: first.nextToken });
    const third = sim.ecs.listClusters({ maxResults: 2, nextToken: second.nextToken });
    expect(third.nextToken).toBeUndefined();
    expect([...first.clusterArns!, ...second.clusterArns!, ...third.clusterArns!].map((a) => a.split('/')[1])).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('rejects maxResults outside 1-100 and garbage tokens', () => {
    const sim = createSimulation();
    expectEcsError(() => sim.ecs.listClusters({ maxResults: 101 }), 'InvalidParameterException', 'maxResults must be between 1 and 100.');
    expectEcsError(() => sim.ecs.listClusters({ nextToken: '%%%' }), 'InvalidParameterException', 'Invalid nextToken.');
  });
});

describe('DeleteCluster', () => {
  it('marks the cluster INACTIVE; it is still described but no longer listed', () => {
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.advance(5_000);
    expect(sim.ecs.deleteCluster({ cluster: 'demo' }).cluster?.status).toBe('INACTIVE');
    expect(sim.ecs.listClusters().clusterArns).toEqual([]);
    expect(sim.ecs.describeClusters({ clusters: ['demo'] }).clusters?.[0].status).toBe('INACTIVE');
    expect(sim.events.at(-1)).toMatchObject({ type: 'cluster.deleted', time: 5_000 });
  });

  it('throws ClusterNotFoundException for unknown or already deleted clusters', () => {
    const sim = createSimulation();
    expectEcsError(() => sim.ecs.deleteCluster({ cluster: 'nope' }), 'ClusterNotFoundException', 'Cluster not found.');
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.ecs.deleteCluster({ cluster: 'demo' });
    expectEcsError(() => sim.ecs.deleteCluster({ cluster: 'demo' }), 'ClusterNotFoundException', 'Cluster not found.');
  });

  it('can create a cluster again after deleting it', () => {
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.ecs.deleteCluster({ cluster: 'demo' });
    expect(sim.ecs.createCluster({ clusterName: 'demo' }).cluster?.status).toBe('ACTIVE');
  });
});

describe('EcsError', () => {
  it('carries the AWS error code as its name and a client fault', () => {
    const err = new EcsError('ClusterNotFoundException', 'Cluster not found.');
    expect(err.name).toBe('ClusterNotFoundException');
    expect(err.$fault).toBe('client');
    expect(err.httpStatus).toBe(400);
    expect(err).toBeInstanceOf(Error);
  });
});
