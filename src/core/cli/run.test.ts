import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { cliTimestamp, formatJson, formatText } from './output';
import { runCommandLine } from './run';
import { CliText } from './texts';

function session() {
  const sim = createSimulation({ seed: 7 });
  const run = (line: string) => {
    const results = runCommandLine(sim, line);
    expect(results).toHaveLength(1);
    return results[0];
  };
  return { sim, run };
}

const TASKDEF = `aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions 'name=web,image=nginx,memory=128'`;

describe('output as the CLI prints it', () => {
  it('JSON with an indent of 4, empty lists inline, a trailing newline', () => {
    expect(formatJson({ a: [], b: {}, c: [1, { d: 'x' }], e: true, f: null })).toBe(
      '{\n    "a": [],\n    "b": {},\n    "c": [\n        1,\n        {\n            "d": "x"\n        }\n    ],\n    "e": true,\n    "f": null\n}\n',
    );
  });

  it('an empty response prints nothing', () => {
    expect(formatJson({})).toBe('');
  });

  it('timestamps in ISO 8601 with microseconds only when there is a fraction', () => {
    expect(cliTimestamp(new Date('2026-01-05T09:00:15.026Z'))).toBe('2026-01-05T09:00:15.026000+00:00');
    expect(cliTimestamp(new Date('2026-01-05T09:00:00Z'))).toBe('2026-01-05T09:00:00+00:00');
    expect(formatJson({ at: new Date('2026-01-05T09:00:00Z') })).toBe('{\n    "at": "2026-01-05T09:00:00+00:00"\n}\n');
  });

  it('Double members print with a decimal point, non-ASCII text as is', () => {
    expect(formatJson({ doubleValue: 0, name: 'ü' }, 'Resource')).toBe('{\n    "name": "ü",\n    "doubleValue": 0.0\n}\n');
  });

  it('with a response shape: members in model order, unmodelled members left out', () => {
    expect(formatJson({ value: 'v', extra: 1, key: 'k' }, 'Tag')).toBe('{\n    "key": "k",\n    "value": "v"\n}\n');
    expect(formatJson({ value: 'v', extra: 1, key: 'k' })).toBe('{\n    "value": "v",\n    "extra": 1,\n    "key": "k"\n}\n');
  });

  it('text output: identifiers upper-cased, scalars sorted by key, tab-separated', () => {
    expect(formatText({ clusterArns: ['a', 'b'] })).toBe('CLUSTERARNS\ta\nCLUSTERARNS\tb\n');
    expect(formatText({ clusters: [{ name: 'x', count: 1, tags: [{ key: 'k', value: 'v' }] }, { name: 'y', ok: true }] })).toBe(
      'CLUSTERS\t1\tx\t\nTAGS\tk\tv\nCLUSTERS\t\ty\tTrue\n',
    );
  });
});

describe('runCommandLine', () => {
  it('create-cluster prints the cluster as JSON and creates it', () => {
    const { sim, run } = session();
    const r = run('aws ecs create-cluster --cluster-name demo');
    expect(r).toMatchObject({ command: 'aws ecs create-cluster --cluster-name demo', exitCode: 0, stderr: '', notes: [] });
    expect(r.stdout.startsWith('{\n    "cluster": {\n        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",\n')).toBe(true);
    expect(sim.ecs.listClusters({}).clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/demo']);
  });

  it('service errors print as the CLI does, exit code 254', () => {
    const { run } = session();
    expect(run('aws ecs delete-cluster --cluster nope')).toEqual({
      command: 'aws ecs delete-cluster --cluster nope',
      stdout: '',
      stderr: 'An error occurred (ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.',
      notes: [],
      exitCode: 254,
    });
  });

  it('register-task-definition with shorthand prints registeredAt as the CLI does', () => {
    const { run } = session();
    const r = run(TASKDEF);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('        "registeredAt": "2026-01-05T09:00:00+00:00",\n');
    expect(r.stdout).toContain('                "memory": 128,\n');
  });

  it('list commands page through every result', () => {
    const { run } = session();
    for (let i = 0; i < 3; i++) run(`aws ecs create-cluster --cluster-name c${i}`);
    expect(JSON.parse(run('aws ecs list-clusters').stdout).clusterArns).toHaveLength(3);
    const page = JSON.parse(run('aws ecs list-clusters --max-results 2').stdout);
    expect(page.clusterArns).toHaveLength(2);
    expect(typeof page.nextToken).toBe('string');
  });

  it('several commands on separate lines run in order, each with its own result', () => {
    const sim = createSimulation({ seed: 1 });
    const results = runCommandLine(sim, 'aws ecs create-cluster --cluster-name a\naws ecs list-clusters --output text');
    expect(results.map((r) => [r.command, r.exitCode, r.stdout.split('\n')[0]])).toEqual([
      ['aws ecs create-cluster --cluster-name a', 0, '{'],
      ['aws ecs list-clusters --output text', 0, 'CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/a'],
    ]);
  });

  it('a syntax error reports its column', () => {
    const { run } = session();
    expect(run(`aws ecs list-tasks --cluster 'demo`)).toMatchObject({
      stderr: 'syntax error at column 30: unexpected end of input: the single quote opened here is never closed',
      exitCode: 2,
    });
  });

  it('words other than aws are not commands', () => {
    const { run } = session();
    expect(run('ls -la')).toMatchObject({ stderr: CliText.notAws('ls'), exitCode: 127 });
  });

  it('--output table prints JSON with a note', () => {
    const { run } = session();
    const r = run('aws ecs list-clusters --output table');
    expect(r.stdout).toBe('{\n    "clusterArns": []\n}\n');
    expect(r.notes).toEqual([CliText.outputNotSupported('table')]);
  });

  it('--generate-cli-skeleton prints JSON and calls nothing', () => {
    const { run } = session();
    expect(run('aws ecs list-clusters --generate-cli-skeleton')).toMatchObject({
      stdout: '{\n    "nextToken": "",\n    "maxResults": 0\n}\n',
      exitCode: 0,
    });
  });
});

describe('aws ecs wait', () => {
  function withRunningTask() {
    const s = session();
    s.run('aws ecs create-cluster --cluster-name demo');
    s.sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 1 });
    s.sim.advance(120_000);
    s.run(TASKDEF);
    const out = JSON.parse(s.run('aws ecs run-task --cluster demo --task-definition web').stdout);
    return { ...s, taskArn: out.tasks[0].taskArn as string };
  }

  it('tasks-running advances virtual time until the task runs, printing nothing', () => {
    const { sim, run, taskArn } = withRunningTask();
    const before = sim.now();
    expect(run(`aws ecs wait tasks-running --cluster demo --tasks ${taskArn}`)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.now()).toBeGreaterThan(before);
    expect((sim.now() - before) % 6000).toBe(0);
    expect(sim.ecs.describeTasks({ cluster: 'demo', tasks: [taskArn] }).tasks?.[0].lastStatus).toBe('RUNNING');
  });

  it('tasks-stopped gives up after 100 attempts, 6 s apart, with the CLI text', () => {
    const { sim, run, taskArn } = withRunningTask();
    const before = sim.now();
    expect(run(`aws ecs wait tasks-stopped --cluster demo --tasks ${taskArn}`)).toMatchObject({
      stderr: 'Waiter TasksStopped failed: Max attempts exceeded',
      exitCode: 255,
    });
    expect(sim.now() - before).toBe(99 * 6000);
  });

  it('a missing service fails services-stable at once', () => {
    const { run } = session();
    run('aws ecs create-cluster --cluster-name demo');
    expect(run('aws ecs wait services-stable --cluster demo --services nope')).toMatchObject({
      stderr: 'Waiter ServicesStable failed: Waiter encountered a terminal failure state: For expression "failures[].reason" we matched expected path: "MISSING" at least once',
      exitCode: 255,
    });
  });

  it('an error from the describe call ends the wait', () => {
    const { run } = session();
    expect(run('aws ecs wait services-stable --cluster nope --services web')).toMatchObject({
      stderr: 'Waiter ServicesStable failed: An error occurred (ClusterNotFoundException): Cluster not found.',
      exitCode: 255,
    });
  });
});
