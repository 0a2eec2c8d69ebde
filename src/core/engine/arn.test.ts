import { describe, expect, it } from 'vitest';
import { arns, nameFromArnOrName, parseArn, partitionOf } from './arn';

const scope = { region: 'us-east-1', accountId: '123456789012' };

describe('ARNs in the long format', () => {
  it('builds cluster, task and container-instance ARNs with the cluster segment', () => {
    expect(arns.cluster(scope, 'demo')).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    expect(arns.task(scope, 'demo', 'c5cba4eb5dad405e96db71ef8eefe6a8')).toBe(
      'arn:aws:ecs:us-east-1:123456789012:task/demo/c5cba4eb5dad405e96db71ef8eefe6a8',
    );
    expect(arns.containerInstance(scope, 'demo', 'ab')).toBe('arn:aws:ecs:us-east-1:123456789012:container-instance/demo/ab');
    expect(arns.taskDefinition(scope, 'web', 3)).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:3');
    expect(arns.capacityProvider(scope, 'cp')).toBe('arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp');
  });

  it('uses the partition of the region', () => {
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(arns.cluster({ region: 'cn-north-1', accountId: '123456789012' }, 'x')).toBe('arn:aws-cn:ecs:cn-north-1:123456789012:cluster/x');
  });

  it('parses ARNs and takes names from short names or ARNs of the right kind', () => {
    expect(parseArn('arn:aws:ecs:eu-west-1:123456789012:service/c/s')).toEqual({
      partition: 'aws',
      service: 'ecs',
      region: 'eu-west-1',
      accountId: '123456789012',
      resource: 'service/c/s',
    });
    expect(parseArn('not-an-arn')).toBeUndefined();
    expect(nameFromArnOrName('demo', 'cluster')).toBe('demo');
    expect(nameFromArnOrName('arn:aws:ecs:us-east-1:123456789012:cluster/demo', 'cluster')).toBe('demo');
    expect(nameFromArnOrName('arn:aws:ecs:us-east-1:123456789012:service/demo/web', 'cluster')).toBeUndefined();
  });
});
