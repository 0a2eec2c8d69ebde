import { describe, expect, it } from 'vitest';
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { applyModel, parseShorthand } from './shorthand';

describe('parseShorthand', () => {
  it('reads key=value pairs', () => {
    expect(parseShorthand('key=env,value=prod')).toEqual({ key: 'env', value: 'prod' });
  });

  it('reads a value continued by commas as a list, up to the next key', () => {
    expect(parseShorthand('subnets=a,b,c,assignPublicIp=ENABLED')).toEqual({ subnets: ['a', 'b', 'c'], assignPublicIp: 'ENABLED' });
  });

  it('reads explicit lists and nested structures', () => {
    expect(parseShorthand('awsvpcConfiguration={subnets=[a,b],securityGroups=[]}')).toEqual({
      awsvpcConfiguration: { subnets: ['a', 'b'], securityGroups: [] },
    });
    expect(parseShorthand('portMappings=[{containerPort=80},{containerPort=443}]')).toEqual({
      portMappings: [{ containerPort: '80' }, { containerPort: '443' }],
    });
  });

  it('quoted values keep commas, brackets, equals signs and spaces', () => {
    expect(parseShorthand(`a='x, [y]=z',b="q \\"r\\""`)).toEqual({ a: 'x, [y]=z', b: 'q "r"' });
  });

  it('an escaped comma stays in the value; spaces around values are trimmed', () => {
    expect(parseShorthand('a=x\\,y , b = z ')).toEqual({ a: 'x,y', b: 'z' });
  });

  it('reports a syntax error with the CLI text and a caret', () => {
    expect(() => parseShorthand('awsvpcConfiguration={subnets=[a,b],,}')).toThrow(
      "Expected: '=', received: ',' for input:\nawsvpcConfiguration={subnets=[a,b],,}\n                                   ^",
    );
    expect(() => parseShorthand('awsvpcConfiguration={subnets=[x')).toThrow(
      "Expected: ',', received: 'EOF' for input:\nawsvpcConfiguration={subnets=[x\n                               ^",
    );
    expect(() => parseShorthand('novalue')).toThrow("Expected: '=', received: 'EOF' for input:\nnovalue\n       ^");
  });

  it('reports a repeated key the way the CLI does', () => {
    expect(() => parseShorthand('key=a,key=b')).toThrow(
      'Second instance of key "key" encountered for input:\nkey=a,key=b\n      ^\nThis is often because there is a preceding "," instead of a space.',
    );
  });

  it('keeps __proto__ as an ordinary key', () => {
    const v = parseShorthand('__proto__=x');
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});

describe('applyModel', () => {
  it('converts integers and booleans by the model, and wraps a single value where a list is expected', () => {
    const parsed = parseShorthand('name=web,image=nginx,memory=128,essential=true,command=echo,portMappings=[{containerPort=80}]');
    expect(applyModel(parsed, 'ContainerDefinition', ECS_INPUT_MODEL)).toEqual({
      name: 'web',
      image: 'nginx',
      memory: 128,
      essential: true,
      command: ['echo'],
      portMappings: [{ containerPort: 80 }],
    });
  });

  it('leaves what does not convert as text for validation to report', () => {
    expect(applyModel(parseShorthand('memory=lots,essential=yes'), 'ContainerDefinition', ECS_INPUT_MODEL)).toEqual({
      memory: 'lots',
      essential: 'yes',
    });
  });

  it('maps take any key', () => {
    expect(applyModel(parseShorthand('team=web,tier=front'), 'Map<string>', ECS_INPUT_MODEL)).toEqual({ team: 'web', tier: 'front' });
  });
});
