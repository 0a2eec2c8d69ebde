/**
 * The parser against the real AWS CLI: for a few command lines, the request body /usr/bin/aws sends
 * (read from its --debug log, aimed at a closed local port) equals the request our parser builds.
 * Skipped, with a message, where the AWS CLI is not installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse';
import { tokenize } from './tokenize';

const AWS = '/usr/bin/aws';
const present = existsSync(AWS);
if (!present) console.warn(`${AWS} is not installed: the comparison with the real AWS CLI is skipped.`);

const COMMANDS = [
  `aws ecs run-task --cluster demo --task-definition web:1 --count 2 --launch-type FARGATE --enable-ecs-managed-tags --network-configuration 'awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED}' --overrides '{"containerOverrides": [{"name": "web", "command": ["echo", "hi there"]}]}' --tags key=team,value=web key=env,value=prod`,
  `aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 3 --deployment-configuration 'maximumPercent=200,minimumHealthyPercent=50,deploymentCircuitBreaker={enable=true,rollback=false}' --placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory --disable-execute-command --placement-constraints 'type=memberOf,expression="attribute:ecs.instance-type =~ t3.*"'`,
  `aws ecs register-task-definition --family web --cpu 256 --memory 512 --requires-compatibilities FARGATE EC2 --network-mode awsvpc --container-definitions 'name=web,image=nginx:1.27,essential=true,portMappings=[{containerPort=80,protocol=tcp}],environment=[{name=MODE,value=prod}]' 'name=sidecar,image=busybox,command=sleep,3600'`,
  `aws ecs describe-services --cluster demo --services web api --include TAGS`,
  `aws ecs update-container-instances-state --cluster demo --container-instances a b --status DRAINING`,
  `aws ecs put-attributes --cluster demo --attributes name=stack,value=prod,targetType=container-instance,targetId=abc`,
  `aws ecs run-task --cli-input-json '{"cluster": "a", "taskDefinition": "web", "count": 1}' --cluster b`,
  `aws ecs list-tasks --cluster demo --desired-status STOPPED --max-results 5`,
];

/** Command lines the CLI refuses before sending anything: its error text and exit code must be ours. */
const REFUSED = [
  'aws ecs run-task --cluster demo',
  'aws ecs list-clusters --foo 1 --bar',
  `aws ecs run-task --task-definition x --network-configuration 'awsvpcConfiguration={subnets=[a,b],,}'`,
  `aws ecs run-task --task-definition x --network-configuration 'awsvpcConfiguration={subnets=[a],foo=1}'`,
  `aws ecs run-task --task-definition x --overrides '{"a" 1}'`,
  'aws ecs run-task --task-definition x --count abc',
  `aws ecs run-task --task-definition x --tags key=a,key=b`,
  `aws ecs run-task --cli-input-json '{"cluster": "demo"}'`,
];

function ourError(line: string): { message: string; exitCode: number } {
  const t = tokenize(line);
  if (!t.ok) throw new Error(t.error.message);
  const parsed = parseCommand(t.commands[0].map((w) => w.text));
  if (parsed.kind !== 'error') throw new Error(`expected an error for ${line}`);
  return { message: parsed.message, exitCode: parsed.exitCode };
}

function ourRequest(line: string): unknown {
  const t = tokenize(line);
  if (!t.ok) throw new Error(t.error.message);
  const parsed = parseCommand(t.commands[0].map((w) => w.text));
  if (parsed.kind !== 'call') throw new Error(JSON.stringify(parsed));
  return JSON.parse(JSON.stringify(parsed.request));
}

/** The JSON body the real CLI sends for `line`. */
function cliRequest(line: string, home: string): Promise<unknown> {
  return runCli(line, home).then(({ log }) => {
    const m = /'body': b'(.*?)', 'url':/.exec(log);
    if (!m) throw new Error(`no request body in the CLI's debug log for: ${line}\n${log.slice(-2000)}`);
    return JSON.parse(m[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
  });
}

function runCli(line: string, home: string, debug = true): Promise<{ log: string; code: number }> {
  const t = tokenize(line);
  if (!t.ok) throw new Error(t.error.message);
  const args = ['--endpoint-url', 'http://127.0.0.1:9', ...(debug ? ['--debug'] : []), ...t.commands[0].slice(1).map((w) => w.text)];
  return new Promise((resolve, reject) => {
    const child = spawn(AWS, args, {
      env: {
        PATH: '/usr/bin:/bin',
        HOME: home,
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_MAX_ATTEMPTS: '1',
        AWS_PAGER: '',
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ log, code: code ?? -1 }));
  });
}

describe.skipIf(!present)('requests match the real AWS CLI', () => {
  it('builds the same request body as /usr/bin/aws for each command line', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ecs-playground-awscli-'));
    const theirs = await Promise.all(COMMANDS.map((line) => cliRequest(line, home)));
    COMMANDS.forEach((line, i) => expect(ourRequest(line), line).toEqual(theirs[i]));
  }, 120_000);

  it('refuses the same command lines with the same error text and exit code', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ecs-playground-awscli-'));
    const theirs = await Promise.all(REFUSED.map((line) => runCli(line, home, false)));
    REFUSED.forEach((line, i) => {
      expect(ourError(line), line).toEqual({ message: theirs[i].log.trim(), exitCode: theirs[i].code });
    });
  }, 120_000);
});
