import { describe, expect, it } from 'vitest';
import { ecsOperations } from '../../api/ecs';
import { wireName } from '../../api/wire/operationNames';
import { deriveInputModel } from './derive';
import { ECS_INPUT_MODEL } from './ecsInputModel';

describe('the command line input model', () => {
  it('matches the schemas of @aws-sdk/client-ecs for every facade operation (regenerate: node --import tsx src/core/cli/model/write.ts)', () => {
    const derived = deriveInputModel(Object.keys(ecsOperations).map(wireName));
    expect(ECS_INPUT_MODEL).toEqual(derived);
  });

  it('knows which members are required', () => {
    const runTask = ECS_INPUT_MODEL.shapes[ECS_INPUT_MODEL.operations.RunTask];
    expect('members' in runTask && runTask.required).toEqual(['taskDefinition']);
    const vpc = ECS_INPUT_MODEL.shapes.AwsVpcConfiguration;
    expect('members' in vpc && vpc.required).toEqual(['subnets']);
  });

  it('tells doubles from integers', () => {
    const resource = ECS_INPUT_MODEL.shapes.Resource;
    expect('members' in resource && resource.members.filter(([, t]) => t === 'double' || t === 'integer')).toEqual([
      ['doubleValue', 'double'],
      ['longValue', 'integer'],
      ['integerValue', 'integer'],
    ]);
  });
});
