import { describe, expect, it } from 'vitest';
import { alignKeys, cleanedDescribeOutput, familyInText, requestFromText } from './taskDefinitionText';

describe('task definition text helpers', () => {
  it('familyInText reads the family from half-typed JSON and from describe output', () => {
    expect(familyInText('{ "family": "web", "containerDefinitions": [')).toBe('web');
    expect(familyInText('{ "taskDefinition": { "family": "api" } }')).toBe('api');
    expect(familyInText('[1, 2]')).toBeUndefined();
    expect(familyInText('')).toBeUndefined();
  });

  it('requestFromText unwraps describe output and drops read-only members', () => {
    const text = JSON.stringify({ taskDefinition: { family: 'web', revision: 3, status: 'ACTIVE', containerDefinitions: [] } });
    expect(requestFromText(text)).toEqual({ family: 'web', containerDefinitions: [] });
    expect(requestFromText('{ broken')).toBeUndefined();
    expect(requestFromText('"a string"')).toBeUndefined();
  });

  it('cleanedDescribeOutput is offered only for describe output', () => {
    expect(cleanedDescribeOutput(JSON.stringify({ family: 'web', containerDefinitions: [] }))).toBeUndefined();
    expect(JSON.parse(cleanedDescribeOutput(JSON.stringify({ family: 'web', taskDefinitionArn: 'x', containerDefinitions: [] }))!)).toEqual({
      family: 'web',
      containerDefinitions: [],
    });
  });

  it('alignKeys follows the template order, nested, keeping extra members after', () => {
    const value = { containerDefinitions: [{ image: 'i', name: 'n', cpu: 0 }], family: 'f', __proto__x: 1 };
    const like = { family: 'f', containerDefinitions: [{ name: 'n', image: 'i' }] };
    expect(JSON.stringify(alignKeys(value, like))).toBe('{"family":"f","containerDefinitions":[{"name":"n","image":"i","cpu":0}],"__proto__x":1}');
    const proto = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
    expect(Object.keys(alignKeys(proto, { b: 0 }) as object)).toEqual(['b', '__proto__']);
  });
});
