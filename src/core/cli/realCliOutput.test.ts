/**
 * Output against the real AWS CLI: the same simulation served over HTTP (src/server/endpoint.ts, with
 * a frozen clock) and asked by /usr/bin/aws prints exactly what our console prints, as JSON and as
 * text. Skipped, with a message, where the AWS CLI is not installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type Endpoint } from '../../server/endpoint';
import { runCommandLine } from './run';

const AWS = '/usr/bin/aws';
const present = existsSync(AWS);
if (!present) console.warn(`${AWS} is not installed: the output comparison with the real AWS CLI is skipped.`);

function realCli(args: string[], url: string, home: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(AWS, ['--endpoint-url', url, ...args], {
      env: {
        PATH: '/usr/bin:/bin',
        HOME: home,
        TZ: 'UTC',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

/**
 * The installed CLI may be older than the SDK model the playground follows: members it does not know
 * yet (e.g. enableFaultInjection) it leaves out. Drop those from our JSON before comparing.
 */
function withoutNewerMembers(ours: string, theirs: string): string {
  if (!ours.startsWith('{') || !theirs.startsWith('{')) return ours;
  const prune = (a: unknown, b: unknown): unknown => {
    if (Array.isArray(a) && Array.isArray(b)) return a.map((v, i) => prune(v, b[i]));
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a)) if (Object.hasOwn(b, k)) out[k] = prune(v, (b as Record<string, unknown>)[k]);
      return out;
    }
    return a;
  };
  return JSON.stringify(prune(JSON.parse(ours), JSON.parse(theirs)), null, 4) + '\n';
}

describe.skipIf(!present)('output matches the real AWS CLI', () => {
  let endpoint: Endpoint;
  let taskArn = '';

  beforeAll(async () => {
    endpoint = await startEndpoint({ port: 0, speed: 0, seed: 5, clock: () => 0 });
    const sim = endpoint.sim;
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 1 });
    sim.advance(90_500);
    sim.ecs.registerTaskDefinition({
      family: 'web',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80 }] }],
    });
    taskArn = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'web' }).tasks![0].taskArn!;
    sim.advance(30_250);
  });

  afterAll(async () => {
    await endpoint?.close();
  });

  it('prints the same JSON and text for describe and list commands, and the same service errors', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ecs-playground-awscli-'));
    const commands = [
      'ecs describe-clusters --clusters demo --include STATISTICS SETTINGS',
      `ecs describe-tasks --cluster demo --tasks ${taskArn}`,
      'ecs list-container-instances --cluster demo',
      'ecs describe-task-definition --task-definition web',
      'ecs list-tasks --cluster demo --output text',
      `ecs describe-tasks --cluster demo --tasks ${taskArn} --output text`,
      'ecs describe-clusters --clusters demo --output text',
      'ecs delete-cluster --cluster nope',
      'ecs list-tags-for-resource --resource-arn arn:aws:ecs:us-east-1:123456789012:cluster/demo',
    ];
    const theirs = await Promise.all(commands.map((c) => realCli(c.split(' '), endpoint.url, home)));
    const mismatches: unknown[] = [];
    commands.forEach((c, i) => {
      const [ours] = runCommandLine(endpoint.sim, `aws ${c}`);
      const mine = { stdout: withoutNewerMembers(ours.stdout, theirs[i].stdout), stderr: ours.stderr, code: ours.exitCode };
      const real = { stdout: theirs[i].stdout, stderr: theirs[i].stderr.trim(), code: theirs[i].code };
      if (JSON.stringify(mine) !== JSON.stringify(real)) mismatches.push({ command: c, mine, real });
    });
    expect(mismatches).toEqual([]);
  }, 120_000);
});
