/**
 * A short AWS CLI walkthrough against `npm run serve`, the way a learner would type it. Needs the
 * AWS CLI v2 at /usr/bin/aws (Debian's `awscli`; tests/e2e/ensure-chromium.sh installs it). Another
 * `aws` earlier on PATH is ignored on purpose. Set SKIP_AWS_CLI=1 to skip this file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const AWS = '/usr/bin/aws';
const root = join(import.meta.dirname, '..', '..', '..');
const skip = process.env.SKIP_AWS_CLI === '1';
const missing = !existsSync(AWS);

const TASK_DEFINITION = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }] }],
};

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe.skipIf(skip)('the AWS CLI against npm run serve', () => {
  let server: ChildProcess | undefined;
  let url = '';
  let dir = '';
  let env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    if (missing) {
      throw new Error(
        `The AWS CLI walkthrough needs ${AWS}: install it with 'apt-get install -y awscli' ` +
          "(or run 'bash tests/e2e/ensure-chromium.sh'), or set SKIP_AWS_CLI=1 to skip these tests.",
      );
    }
    dir = mkdtempSync(join(tmpdir(), 'ecs-playground-cli-'));
    writeFileSync(join(dir, 'web.json'), JSON.stringify(TASK_DEFINITION));
    // A clean CLI environment: made-up keys and region, no profile, no pager, no real config.
    env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
    Object.assign(env, {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_ACCESS_KEY_ID: 'AKIDWORKSHOP',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_DEFAULT_REGION: 'eu-west-3',
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    // The real script, on a free port, fast enough that a Fargate task is RUNNING by the next call.
    server = spawn('npm', ['run', '--silent', 'serve', '--', '--port', '0', '--speed', '1000'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`npm run serve printed no URL:\n${out}`)), 30_000);
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      server!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      server!.on('exit', (code) => reject(new Error(`npm run serve exited with ${code}:\n${out}`)));
    });
  }, 40_000);

  afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function aws(...args: string[]): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(AWS, ['--endpoint-url', url, '--output', 'json', ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  async function awsJson(...args: string[]): Promise<any> {
    const r = await aws(...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  }

  it('creates a cluster, registers and describes a task definition, lists clusters, runs a task, waits for it and describes it, and reports errors', async () => {
    const arn = (resource: string) => `arn:aws:ecs:us-east-1:123456789012:${resource}`;

    const created = await awsJson('ecs', 'create-cluster', '--cluster-name', 'workshop');
    expect(created.cluster).toMatchObject({ clusterArn: arn('cluster/workshop'), clusterName: 'workshop', status: 'ACTIVE' });

    const registered = await awsJson('ecs', 'register-task-definition', '--cli-input-json', `file://${join(dir, 'web.json')}`);
    expect(registered.taskDefinition).toMatchObject({
      taskDefinitionArn: arn('task-definition/web:1'),
      family: 'web',
      revision: 1,
      status: 'ACTIVE',
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      requiresCompatibilities: ['FARGATE'],
    });
    // The CLI prints timestamps it received as epoch seconds in ISO 8601.
    expect(registered.taskDefinition.registeredAt).toMatch(/^2026-01-05T\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);

    const described = await awsJson('ecs', 'describe-task-definition', '--task-definition', 'web');
    expect(described.taskDefinition).toEqual(registered.taskDefinition);

    expect(await awsJson('ecs', 'list-clusters')).toEqual({ clusterArns: [arn('cluster/workshop')] });

    const run = await awsJson(
      'ecs', 'run-task', '--cluster', 'workshop', '--task-definition', 'web', '--launch-type', 'FARGATE',
      '--network-configuration', 'awsvpcConfiguration={subnets=[subnet-0a1b2c3d4e5f60718]}',
    );
    expect(run.failures).toEqual([]);
    expect(run.tasks).toHaveLength(1);
    expect(run.tasks[0]).toMatchObject({ clusterArn: arn('cluster/workshop'), launchType: 'FARGATE', desiredStatus: 'RUNNING' });
    const taskArn: string = run.tasks[0].taskArn;
    expect(taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/workshop\/[0-9a-f]{32}$/);

    // The CLI's waiter polls DescribeTasks (every 6 s of wall time; at --speed 1000 the task is
    // usually RUNNING by its first poll).
    const waited = await aws('ecs', 'wait', 'tasks-running', '--cluster', 'workshop', '--tasks', taskArn);
    expect([waited.code, waited.stdout, waited.stderr]).toEqual([0, '', '']);
    const tasks = await awsJson('ecs', 'describe-tasks', '--cluster', 'workshop', '--tasks', taskArn);
    expect(tasks.failures).toEqual([]);
    expect(tasks.tasks[0]).toMatchObject({ taskArn, lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'FARGATE' });

    const failed = await aws('ecs', 'delete-cluster', '--cluster', 'nope');
    expect(failed.code).toBe(254);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim()).toBe(
      'An error occurred (ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.',
    );
  }, 90_000);
});
