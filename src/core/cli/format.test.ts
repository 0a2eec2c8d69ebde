import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facadeName } from '../api/wire/operationNames';
import { toCliCommand, shellQuote } from './format';
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { isScalar, type ShapeRef } from './model/types';
import { parseCommand } from './parse';
import { tokenize } from './tokenize';

function parseLine(line: string) {
  const t = tokenize(line);
  if (!t.ok) throw new Error(`${t.error.message} at ${t.error.column} in ${line}`);
  expect(t.commands).toHaveLength(1);
  return parseCommand(t.commands[0].map((w) => w.text));
}

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('web:1')).toBe('web:1');
    expect(shellQuote('a b')).toBe(`'a b'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });
});

describe('toCliCommand', () => {
  it('writes scalars, flags and lists', () => {
    expect(toCliCommand('runTask', { cluster: 'demo', taskDefinition: 'web:1', count: 2, enableECSManagedTags: true })).toBe(
      'aws ecs run-task --cluster demo --task-definition web:1 --count 2 --enable-ecs-managed-tags',
    );
    expect(toCliCommand('deleteService', { cluster: 'demo', service: 'web', force: false })).toBe(
      'aws ecs delete-service --cluster demo --service web --no-force',
    );
    expect(toCliCommand('describeServices', { cluster: 'demo', services: ['web', 'api'] })).toBe(
      'aws ecs describe-services --cluster demo --services web api',
    );
  });

  it('writes simple structures as shorthand', () => {
    expect(
      toCliCommand('createService', {
        serviceName: 'web',
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], assignPublicIp: 'ENABLED' } },
      }),
    ).toBe(
      "aws ecs create-service --service-name web --deployment-configuration 'maximumPercent=200,minimumHealthyPercent=100,deploymentCircuitBreaker={enable=true,rollback=true}' --network-configuration 'awsvpcConfiguration={subnets=[subnet-1,subnet-2],assignPublicIp=ENABLED}'",
    );
    expect(toCliCommand('tagResource', { resourceArn: 'arn:x', tags: [{ key: 'team', value: 'web' }, { key: 'env', value: 'prod' }] })).toBe(
      'aws ecs tag-resource --resource-arn arn:x --tags key=team,value=web key=env,value=prod',
    );
  });

  it('falls back to JSON in single quotes when shorthand would not read back', () => {
    expect(toCliCommand('tagResource', { resourceArn: 'arn:x', tags: [{ key: 'note', value: "it's, fine" }] })).toBe(
      `aws ecs tag-resource --resource-arn arn:x --tags '[{"key":"note","value":"it'\\''s, fine"}]'`,
    );
  });

  it('writes a value starting with a dash as --option=value', () => {
    expect(toCliCommand('listTasks', { cluster: '-odd' })).toBe('aws ecs list-tasks --cluster=-odd');
  });

  it('reads back what it writes for the examples above', () => {
    const request = { cluster: 'demo', taskDefinition: 'web:1', overrides: { containerOverrides: [{ name: 'web', command: ['echo', 'hi there'] }] } };
    expect(parseLine(toCliCommand('runTask', request))).toMatchObject({ kind: 'call', operation: 'runTask', request });
  });
});

/** Random valid requests for a shape of the model (depth-limited). */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('web', 'a b', "it's", '--x', '-1', '[x]', '{"a":1}', 'a,b', 'k=v', '', ' ', '\\', 'x\ny', '$HOME', '#c', ';', '|', 'ü', 'help', '"q"'),
);

function arbitraryFor(ref: ShapeRef, depth: number): fc.Arbitrary<unknown> {
  if (isScalar(ref)) {
    switch (ref) {
      case 'string':
      case 'blob':
        return text;
      case 'integer':
        return fc.integer({ min: -1_000_000, max: 1_000_000 });
      case 'double':
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((d) => !Object.is(d, -0));
      case 'boolean':
        return fc.boolean();
      case 'timestamp':
        return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
      case 'document':
        return fc.jsonValue({ maxDepth: 2 });
    }
  }
  const def = ECS_INPUT_MODEL.shapes[ref];
  if ('list' in def) return fc.array(arbitraryFor(def.list, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
  if ('map' in def) {
    return fc.dictionary(text.filter((k) => k !== '__proto__'), arbitraryFor(def.map, depth + 1), { maxKeys: 3 });
  }
  const members = depth > 3 ? def.members.filter(([n]) => def.required.includes(n)) : def.members;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, r] of members) shape[name] = arbitraryFor(r, depth + 1);
  return fc.record(shape, { requiredKeys: def.required });
}

describe('round trip (property)', () => {
  const operations = Object.keys(ECS_INPUT_MODEL.operations).sort();
  for (const wire of operations) {
    const op = facadeName(wire);
    it(`parse(toCliCommand('${op}', request)) gives back the request`, () => {
      fc.assert(
        fc.property(arbitraryFor(ECS_INPUT_MODEL.operations[wire], 0) as fc.Arbitrary<Record<string, unknown>>, (request) => {
          const line = toCliCommand(op, request);
          const parsed = parseLine(line);
          if (parsed.kind !== 'call') throw new Error(`${line}\n→ ${JSON.stringify(parsed)}`);
          expect(parsed.operation).toBe(op);
          expect(parsed.request).toEqual(request);
        }),
        { numRuns: 60 },
      );
    });
  }
});
