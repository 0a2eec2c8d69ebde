import { describe, expect, it } from 'vitest';
import { worldWithInstances } from '../infra/testWorld';
import { EcsError } from './errors';

describe('PutAttributes / DeleteAttributes / ListAttributes', () => {
  it('puts a custom attribute on a container instance and lists it back with its target', () => {
    const w = worldWithInstances({ count: 2 });
    const res = w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'prod', targetId: w.arns[0], targetType: 'container-instance' }] });
    expect(res.attributes).toEqual([{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: w.arns[0] }]);
    expect(w.sim.ecs.listAttributes({ cluster: 'demo', targetType: 'container-instance', attributeName: 'stack' })).toEqual({
      attributes: [{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: w.arns[0] }],
    });
    expect(w.sim.events.at(-1)).toMatchObject({ type: 'containerInstance.attributePut', resource: w.arns[0] });
  });

  it('accepts the container-instance id as targetId and replaces the value of an existing name', () => {
    const w = worldWithInstances();
    const id = w.arns[0].split('/').pop()!;
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'dev', targetId: id }] });
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'prod', targetId: id }] });
    const listed = w.sim.ecs.listAttributes({ cluster: 'demo', targetType: 'container-instance', attributeName: 'stack' }).attributes!;
    expect(listed).toEqual([{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: w.arns[0] }]);
  });

  it('filters by name and value across instances, built-in attributes included', () => {
    const w = worldWithInstances({ count: 3 });
    const azOf = (arn: string) => w.sim.state.containerInstances[arn].attributes.find((a) => a.name === 'ecs.availability-zone')!.value;
    const inA = w.arns.filter((a) => azOf(a) === 'us-east-1a');
    const res = w.sim.ecs.listAttributes({ cluster: 'demo', targetType: 'container-instance', attributeName: 'ecs.availability-zone', attributeValue: 'us-east-1a' });
    expect(res.attributes!.map((a) => a.targetId)).toEqual(inA);
    expect(() => w.sim.ecs.listAttributes({ cluster: 'demo', targetType: 'container-instance', attributeValue: 'x' })).toThrow(
      new EcsError('InvalidParameterException', 'attributeValue can only be used together with attributeName.'),
    );
    expect(() => w.sim.ecs.listAttributes({ cluster: 'demo', targetType: 'task' as never })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('deletes an attribute', () => {
    const w = worldWithInstances();
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'prod', targetId: w.arns[0] }] });
    const res = w.sim.ecs.deleteAttributes({ cluster: 'demo', attributes: [{ name: 'stack', targetId: w.arns[0] }] });
    expect(res.attributes).toEqual([{ name: 'stack', targetType: 'container-instance', targetId: w.arns[0] }]);
    expect(w.sim.ecs.listAttributes({ cluster: 'demo', targetType: 'container-instance', attributeName: 'stack' }).attributes).toEqual([]);
  });

  it('a custom attribute without value is listed by name', () => {
    const w = worldWithInstances();
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'gpu-ready', targetId: w.arns[0] }] });
    expect(w.sim.state.containerInstances[w.arns[0]].attributes.at(-1)).toEqual({ name: 'gpu-ready' });
  });

  it('answers TargetNotFoundException for an unknown target', () => {
    const w = worldWithInstances();
    expect(() => w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'x', targetId: 'ffffffffffffffffffffffffffffffff' }] })).toThrow(
      expect.objectContaining({ name: 'TargetNotFoundException' }),
    );
  });

  it('validates names and values, and keeps agent attributes read-only', () => {
    const w = worldWithInstances();
    const put = (name: string, value?: string) => () => w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name, value, targetId: w.arns[0] }] });
    expect(put('bad name!')).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(put('ok', ' padded')).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(put('ok', 'a'.repeat(129))).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(put('ecs.instance-type', 'm5.24xlarge')).toThrow(
      new EcsError('InvalidParameterException', "Attribute 'ecs.instance-type' is set by Amazon ECS and cannot be changed."),
    );
    expect(() => w.sim.ecs.deleteAttributes({ cluster: 'demo', attributes: [{ name: 'ecs.os-type', targetId: w.arns[0] }] })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
    expect(put('a/b.c-d_e', 'x y@z:1\\2')).not.toThrow();
  });

  it('allows at most 10 custom attributes per instance, all or nothing', () => {
    const w = worldWithInstances();
    const attrs = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `a${from + i}`, value: 'v', targetId: w.arns[0] }));
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: attrs(0, 8) });
    expect(() => w.sim.ecs.putAttributes({ cluster: 'demo', attributes: attrs(8, 3) })).toThrow(
      new EcsError('AttributeLimitExceededException', 'You can apply up to 10 custom attributes for each resource.'),
    );
    expect(w.sim.state.containerInstances[w.arns[0]].attributes.filter((a) => /^a\d+$/.test(a.name))).toHaveLength(8);
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: attrs(8, 2) });
  });
});
