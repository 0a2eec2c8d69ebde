import { describe, expect, it } from 'vitest';
import { worldWithInstances } from '../infra/testWorld';
import { EcsError } from './errors';

describe('TagResource / UntagResource / ListTagsForResource', () => {
  it('tags a cluster, merging by key, and untags', () => {
    const w = worldWithInstances();
    const arn = w.sim.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].clusterArn!;
    w.sim.ecs.tagResource({ resourceArn: arn, tags: [{ key: 'env', value: 'dev' }, { key: 'team', value: 'a' }] });
    w.sim.ecs.tagResource({ resourceArn: arn, tags: [{ key: 'env', value: 'prod' }] });
    expect(w.sim.ecs.listTagsForResource({ resourceArn: arn })).toEqual({ tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'a' }] });
    w.sim.ecs.untagResource({ resourceArn: arn, tagKeys: ['team', 'absent'] });
    expect(w.sim.ecs.listTagsForResource({ resourceArn: arn }).tags).toEqual([{ key: 'env', value: 'prod' }]);
  });

  it('tags a container instance', () => {
    const w = worldWithInstances();
    w.sim.ecs.tagResource({ resourceArn: w.arns[0], tags: [{ key: 'rack', value: '7' }] });
    expect(w.sim.ecs.listTagsForResource({ resourceArn: w.arns[0] }).tags).toEqual([{ key: 'rack', value: '7' }]);
    expect(w.sim.events.at(-1)).toMatchObject({ type: 'resource.tagged', resource: w.arns[0] });
  });

  it('tags a task definition revision', () => {
    const w = worldWithInstances();
    const td = w.sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] }).taskDefinition!;
    w.sim.ecs.tagResource({ resourceArn: td.taskDefinitionArn!, tags: [{ key: 'owner', value: 'me' }] });
    expect(w.sim.ecs.listTagsForResource({ resourceArn: td.taskDefinitionArn! }).tags).toEqual([{ key: 'owner', value: 'me' }]);
  });

  it('answers ClusterNotFoundException, ResourceNotFoundException and InvalidParameterException as fits the ARN', () => {
    const w = worldWithInstances();
    expect(() => w.sim.ecs.listTagsForResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope' })).toThrow(
      new EcsError('ClusterNotFoundException', 'Cluster not found.'),
    );
    expect(() => w.sim.ecs.listTagsForResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/ffffffffffffffffffffffffffffffff' })).toThrow(
      new EcsError('ResourceNotFoundException', 'The specified resource is not found.'),
    );
    expect(() => w.sim.ecs.listTagsForResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/none:1' })).toThrow(
      expect.objectContaining({ name: 'ResourceNotFoundException' }),
    );
    expect(() => w.sim.ecs.listTagsForResource({ resourceArn: 'not-an-arn' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => w.sim.ecs.listTagsForResource({ resourceArn: 'arn:aws:ecs:us-east-1:123456789012:widget/x' })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
  });

  it('checks tags as ECS does (aws: prefix reserved, at most 50)', () => {
    const w = worldWithInstances();
    expect(() => w.sim.ecs.tagResource({ resourceArn: w.arns[0], tags: [{ key: 'aws:x', value: '1' }] })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    const fifty = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' }));
    w.sim.ecs.tagResource({ resourceArn: w.arns[0], tags: fifty });
    expect(() => w.sim.ecs.tagResource({ resourceArn: w.arns[0], tags: [{ key: 'one-more', value: '' }] })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => w.sim.ecs.tagResource({ resourceArn: w.arns[0] } as never)).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });
});
