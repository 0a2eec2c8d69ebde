import { describe, expect, it } from 'vitest';
import { ecsOperations } from '../../api/ecs';
import { wireName } from '../../api/wire/operationNames';
import { deriveInputModel } from './derive';
import { ECS_INPUT_MODEL } from './ecsInputModel';

describe('the command line input model', () => {
  // Regenerate with: node --import tsx src/core/cli/model/write.ts
  it('covers every operation of the facade table', () => {
    const missing = Object.keys(ecsOperations).map(wireName).filter((op) => !Object.hasOwn(ECS_INPUT_MODEL.operations, op));
    expect(missing).toEqual([]);
  });

  it('matches the schemas of @aws-sdk/client-ecs', () => {
    expect(ECS_INPUT_MODEL).toEqual(deriveInputModel(Object.keys(ECS_INPUT_MODEL.operations)));
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
