import { describe, expect, it } from 'vitest';
import { ecsOperations } from '../api/ecs';
import { wireName } from '../api/wire/operationNames';
import { kebabName } from './names';
import { parseCommand, type ParsedCommand } from './parse';
import { tokenize } from './tokenize';
import { CliText } from './texts';

function parse(line: string): ParsedCommand {
  const t = tokenize(line);
  if (!t.ok) throw new Error(t.error.message);
  return parseCommand(t.commands[0].map((w) => w.text));
}

function request(line: string): Record<string, unknown> {
  const p = parse(line);
  if (p.kind !== 'call') throw new Error(`not a call: ${JSON.stringify(p)}`);
  return p.request;
}

const usage = (message: string) => ({ kind: 'error', exitCode: 252, message: `${CliText.usage}\n${message}` });

describe('kebabName (the CLI spelling of API names)', () => {
  it('keeps acronyms together and splits words', () => {
    expect(kebabName('enableECSManagedTags')).toBe('enable-ecs-managed-tags');
    expect(kebabName('UpdateContainerInstancesState')).toBe('update-container-instances-state');
    expect(kebabName('awsvpcConfiguration')).toBe('awsvpc-configuration');
    expect(kebabName('clusterARNs')).toBe('cluster-arns');
  });
});

describe('every facade operation is reachable by its CLI name', () => {
  for (const op of Object.keys(ecsOperations)) {
    const command = kebabName(wireName(op));
    it(`aws ecs ${command} → ${op}`, () => {
      const p = parse(`aws ecs ${command} --cli-input-json '{}'`);
      // Operations with required members fail validation, but reach their own model.
      if (p.kind === 'call') expect(p.operation).toBe(op);
      else expect(p).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Parameter validation failed:\nMissing required parameter in input/) });
    });
  }
});

describe('option kinds', () => {
  it('strings and integers', () => {
    expect(request('aws ecs run-task --cluster demo --task-definition web:1 --count 3')).toEqual({
      cluster: 'demo',
      taskDefinition: 'web:1',
      count: 3,
    });
  });

  it('--name=value is the same as --name value', () => {
    expect(request('aws ecs list-tasks --cluster=demo --desired-status=STOPPED')).toEqual({ cluster: 'demo', desiredStatus: 'STOPPED' });
  });

  it('booleans are flags: --force and --no-force, the last one wins', () => {
    expect(request('aws ecs delete-service --service web --force')).toEqual({ service: 'web', force: true });
    expect(request('aws ecs delete-service --service web --no-force')).toEqual({ service: 'web', force: false });
    expect(request('aws ecs delete-service --service web --force --no-force')).toEqual({ service: 'web', force: false });
  });

  it('the CLI names the negative of --enable-execute-command --disable-execute-command', () => {
    expect(request('aws ecs run-task --task-definition web --disable-execute-command')).toEqual({ taskDefinition: 'web', enableExecuteCommand: false });
    expect(parse('aws ecs run-task --task-definition web --no-enable-execute-command')).toEqual(usage('Unknown options: --no-enable-execute-command'));
  });

  it('lists of strings take space-separated values, or one JSON list', () => {
    expect(request('aws ecs describe-services --cluster c --services a b c')).toEqual({ cluster: 'c', services: ['a', 'b', 'c'] });
    expect(request(`aws ecs describe-services --services '["a", "b"]'`)).toEqual({ services: ['a', 'b'] });
    expect(request('aws ecs describe-clusters --clusters')).toEqual({ clusters: [] });
  });

  it('a negative number is a value, not an option', () => {
    expect(request('aws ecs update-service --service web --desired-count -1')).toEqual({ service: 'web', desiredCount: -1 });
  });

  it('structures take shorthand or JSON', () => {
    const expected = { taskDefinition: 'web', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } } };
    expect(request(`aws ecs run-task --task-definition web --network-configuration 'awsvpcConfiguration={subnets=[subnet-1],assignPublicIp=ENABLED}'`)).toEqual(expected);
    expect(
      request(`aws ecs run-task --task-definition web --network-configuration '{"awsvpcConfiguration": {"subnets": ["subnet-1"], "assignPublicIp": "ENABLED"}}'`),
    ).toEqual(expected);
  });

  it('lists of structures take one shorthand word per element, or JSON', () => {
    const expected = { resourceArn: 'arn', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] };
    expect(request('aws ecs tag-resource --resource-arn arn --tags key=a,value=1 key=b,value=2')).toEqual(expected);
    expect(request(`aws ecs tag-resource --resource-arn arn --tags '[{"key":"a","value":"1"},{"key":"b","value":"2"}]'`)).toEqual(expected);
    expect(request(`aws ecs tag-resource --resource-arn arn --tags '{"key":"a","value":"1"}' '{"key":"b","value":"2"}'`)).toEqual(expected);
  });

  it('nested integers and booleans in shorthand follow the model', () => {
    expect(
      request(`aws ecs create-service --service-name web --deployment-configuration 'maximumPercent=200,minimumHealthyPercent=50,deploymentCircuitBreaker={enable=true,rollback=false}'`),
    ).toEqual({
      serviceName: 'web',
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50, deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
  });

  it('timestamps become Dates', () => {
    expect(request(`aws ecs list-service-deployments --service web --created-at after=2026-01-05T09:00:00Z`)).toEqual({
      service: 'web',
      createdAt: { after: new Date('2026-01-05T09:00:00Z') },
    });
  });
});

describe('--cli-input-json', () => {
  it('takes the request as inline JSON; options on the line win', () => {
    expect(request(`aws ecs run-task --cli-input-json '{"cluster": "a", "taskDefinition": "web"}' --cluster b`)).toEqual({
      cluster: 'b',
      taskDefinition: 'web',
    });
  });

  it('required options may come from the JSON', () => {
    expect(request(`aws ecs register-task-definition --cli-input-json '{"family":"f","containerDefinitions":[{"name":"a","image":"nginx"}]}'`)).toEqual({
      family: 'f',
      containerDefinitions: [{ name: 'a', image: 'nginx' }],
    });
  });

  it('rejects invalid JSON as the CLI does', () => {
    expect(parse(`aws ecs run-task --cli-input-json '{"cluster"'`)).toEqual({
      kind: 'error',
      exitCode: 252,
      message: "Error parsing parameter 'cli-input-json': Invalid JSON received.",
    });
  });

  it('explains that files cannot be read in the browser', () => {
    expect(parse('aws ecs run-task --cli-input-json file://task.json')).toEqual({
      kind: 'error',
      exitCode: 252,
      message: `Error parsing parameter '--cli-input-json': files are not available in the browser; paste the JSON inline, e.g. --cli-input-json '{"family": "web", ...}'`,
    });
  });
});

describe('errors print the CLI texts', () => {
  it('missing required options', () => {
    expect(parse('aws ecs run-task --cluster demo')).toEqual(usage('aws: error: the following arguments are required: --task-definition'));
    expect(parse('aws ecs register-task-definition')).toEqual(
      usage('aws: error: the following arguments are required: --family, --container-definitions'),
    );
  });

  it('unknown options, options first and stray values after', () => {
    expect(parse('aws ecs list-clusters --foo 1 --bar')).toEqual(usage('Unknown options: --foo, --bar, 1'));
  });

  it('an option without its value', () => {
    expect(parse('aws ecs list-tasks --cluster')).toEqual(usage('aws: error: argument --cluster: expected one argument'));
    expect(parse('aws ecs list-tasks --cluster --family x')).toEqual(usage('aws: error: argument --cluster: expected one argument'));
  });

  it('missing service or operation', () => {
    expect(parse('aws')).toEqual(usage('aws: error: the following arguments are required: command'));
    expect(parse('aws ecs')).toEqual(usage('aws: error: the following arguments are required: operation'));
  });

  it('an integer that is not one', () => {
    expect(parse('aws ecs run-task --task-definition web --count abc')).toEqual({
      kind: 'error',
      exitCode: 255,
      message: "invalid literal for int() with base 10: 'abc'",
    });
  });

  it('parameter validation: unknown, missing and mistyped members', () => {
    expect(parse(`aws ecs run-task --task-definition web --network-configuration 'awsvpcConfiguration={foo=1}' --overrides '{"cpu": 1}'`)).toEqual({
      kind: 'error',
      exitCode: 252,
      message: [
        'Parameter validation failed:',
        'Missing required parameter in networkConfiguration.awsvpcConfiguration: "subnets"',
        'Unknown parameter in networkConfiguration.awsvpcConfiguration: "foo", must be one of: subnets, securityGroups, assignPublicIp',
        "Invalid type for parameter overrides.cpu, value: 1, type: <class 'int'>, valid types: <class 'str'>",
      ].join('\n'),
    });
  });

  it('invalid JSON in an option', () => {
    expect(parse(`aws ecs run-task --task-definition x --overrides '{"a" 1}'`)).toEqual({
      kind: 'error',
      exitCode: 252,
      message: `Error parsing parameter '--overrides': Invalid JSON: Expecting ':' delimiter: line 1 column 6 (char 5)\nJSON received: {"a" 1}`,
    });
  });

  it('shorthand syntax errors', () => {
    expect(parse(`aws ecs run-task --task-definition x --tags key=a,key=b`)).toEqual({
      kind: 'error',
      exitCode: 252,
      message: `Error parsing parameter '--tags': Second instance of key "key" encountered for input:\nkey=a,key=b\n      ^\nThis is often because there is a preceding "," instead of a space.`,
    });
  });

  it('document members cannot be written in shorthand', () => {
    expect(parse(`aws ecs create-service --service-name s --deployment-configuration 'lifecycleHooks=[{hookDetails=x}]'`)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('Shorthand syntax does not support document types'),
    });
  });

  it('an unknown operation lists the valid choices', () => {
    const p = parse('aws ecs frobnicate');
    expect(p.kind).toBe('error');
    expect(p.kind === 'error' && p.message).toContain('aws: error: argument operation: Invalid choice, valid choices are:\n\n');
    expect(p.kind === 'error' && p.message).toMatch(/\n(run-task {33}\| |[a-z-]+ +\| run-task {33}\n)/);
  });

  it('a real ECS operation the playground does not simulate says so', () => {
    expect(parse('aws ecs execute-command --task x')).toEqual({
      kind: 'error',
      exitCode: 252,
      message: 'aws ecs execute-command is a real ECS command, but the playground does not simulate it yet.',
    });
  });

  it('other services are not simulated', () => {
    expect(parse('aws ec2 describe-instances')).toMatchObject({ kind: 'error', message: CliText.onlyEcs('ec2') });
  });
});

describe('global options', () => {
  it('--output picks the format; --region, --query and --profile are noted', () => {
    const p = parse('aws --region eu-west-1 ecs list-clusters --output text --query clusterArns --no-cli-pager --profile dev');
    expect(p).toEqual({
      kind: 'call',
      operation: 'listClusters',
      request: {},
      output: 'text',
      paginate: true,
      notes: [CliText.regionIgnored('eu-west-1'), CliText.queryNotSupported, CliText.profileIgnored],
    });
  });

  it('--no-paginate, --max-results and --next-token turn off automatic paging', () => {
    expect(parse('aws ecs list-clusters --no-paginate')).toMatchObject({ paginate: false });
    expect(parse('aws ecs list-clusters --max-results 5')).toMatchObject({ paginate: false, request: { maxResults: 5 } });
    expect(parse('aws ecs list-tasks')).toMatchObject({ paginate: true });
    expect(parse('aws ecs describe-clusters')).toMatchObject({ paginate: false });
  });

  it('rejects an unknown output format with the choices', () => {
    expect(parse('aws ecs list-clusters --output xml')).toEqual(
      usage('aws: error: argument --output: Invalid choice, valid choices are:\n\njson | text | table | yaml | yaml-stream\n'),
    );
  });
});

describe('help, skeletons and waiters', () => {
  it('aws ecs <command> help prints a synopsis with required options first', () => {
    const p = parse('aws ecs run-task help');
    expect(p.kind).toBe('print');
    const text = p.kind === 'print' ? p.text : '';
    expect(text.split('\n').slice(0, 6)).toEqual(['RUN-TASK', '', 'SYNOPSIS', '  aws ecs run-task', '    --task-definition <value>', '    [--capacity-provider-strategy <value>]']);
    expect(text).toContain('    [--enable-ecs-managed-tags | --no-enable-ecs-managed-tags]');
    expect(text).toContain('  --task-definition (string) [required]');
    expect(text).toContain('  --network-configuration (structure)\n      Shorthand: awsvpcConfiguration={subnets=[string,string],securityGroups=[string,string],assignPublicIp=string}');
  });

  it('shorthand examples wrap structures inside lists in braces', () => {
    const p = parse('aws ecs create-service help');
    const text = p.kind === 'print' ? p.text : '';
    expect(text).toContain('alarms={alarmNames=[string,string],rollback=boolean,enable=boolean}');
    expect(text).toContain('lifecycleHooks=[{targetType=string,');
    expect(text).toContain('  --tags (list)\n      Shorthand: key=string,value=string ...');
  });

  it('aws ecs help lists the simulated commands', () => {
    const p = parse('aws ecs help');
    expect(p.kind === 'print' && p.text).toContain('  o run-task\n');
  });

  it('--generate-cli-skeleton prints the input skeleton', () => {
    const p = parse('aws ecs delete-service --generate-cli-skeleton');
    expect(p).toEqual({ kind: 'print', text: '{\n    "cluster": "",\n    "service": "",\n    "force": true\n}'.replace('"cluster": "",\n    "service": ""', '"service": "",\n    "cluster": ""') });
  });

  it('aws ecs wait takes the options of the describe call', () => {
    expect(parse('aws ecs wait services-stable --cluster demo --services web')).toEqual({
      kind: 'wait',
      waiter: 'ServicesStable',
      operation: 'describeServices',
      request: { cluster: 'demo', services: ['web'] },
      notes: [],
    });
    expect(parse('aws ecs wait tasks-running --cluster demo')).toEqual(usage('aws: error: the following arguments are required: --tasks'));
    expect(parse('aws ecs wait nope')).toMatchObject({ kind: 'error', message: expect.stringContaining('argument subcommand: Invalid choice') });
  });
});
