import { beforeEach, describe, expect, it } from 'vitest';
import { ConsoleState, consoleFor, HISTORY_KEY, HISTORY_MAX } from './console.svelte';
import { Playground } from './playground.svelte';

beforeEach(() => localStorage.clear());

describe('ConsoleState', () => {
  it('runs a command and shows its JSON output; the cluster exists afterwards', () => {
    const p = new Playground();
    const c = new ConsoleState(p);
    c.input = 'aws ecs create-cluster --cluster-name demo';
    expect(c.submit()).toBe(true);
    expect(c.input).toBe('');
    expect(c.entries).toHaveLength(1);
    expect(c.entries[0]).toMatchObject({ kind: 'command', command: 'aws ecs create-cluster --cluster-name demo', exitCode: 0, stderr: '' });
    expect(c.entries[0].stdout.split('\n').slice(0, 3)).toEqual(['{', '    "cluster": {', '        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",']);
    expect(p.sim.ecs.listClusters({}).clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/demo']);
  });

  it('shows errors as the CLI prints them', () => {
    const c = new ConsoleState(new Playground());
    c.submit('aws ecs delete-cluster --cluster nope');
    expect(c.entries[0]).toMatchObject({
      stderr: 'An error occurred (ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.',
      exitCode: 254,
    });
  });

  it('does nothing for a blank line', () => {
    const c = new ConsoleState(new Playground());
    expect(c.submit('   ')).toBe(false);
    expect(c.entries).toEqual([]);
    expect(c.history).toEqual([]);
  });

  it('help and clear are built in', () => {
    const c = new ConsoleState(new Playground());
    c.submit('help');
    expect(c.entries.map((e) => e.kind)).toEqual(['help']);
    c.submit('clear');
    expect(c.entries).toEqual([]);
  });

  it('Up and Down walk the history and come back to the line being typed', () => {
    const c = new ConsoleState(new Playground());
    c.submit('aws ecs list-clusters');
    c.submit('aws ecs list-tasks');
    c.input = 'aws ecs desc';
    c.previous();
    expect(c.input).toBe('aws ecs list-tasks');
    c.previous();
    expect(c.input).toBe('aws ecs list-clusters');
    c.previous();
    expect(c.input).toBe('aws ecs list-clusters');
    c.next();
    expect(c.input).toBe('aws ecs list-tasks');
    c.next();
    expect(c.input).toBe('aws ecs desc');
    c.next();
    expect(c.input).toBe('aws ecs desc');
  });

  it('keeps the history in localStorage, without repeating the same command twice in a row', () => {
    const c = new ConsoleState(new Playground());
    c.submit('aws ecs list-clusters');
    c.submit('aws ecs list-clusters');
    c.submit('help');
    expect(JSON.parse(localStorage.getItem(HISTORY_KEY)!)).toEqual(['aws ecs list-clusters', 'help']);
    const again = new ConsoleState(new Playground());
    expect(again.history).toEqual(['aws ecs list-clusters', 'help']);
    again.previous();
    expect(again.input).toBe('help');
  });

  it('bounds the stored history and ignores garbage in storage', () => {
    localStorage.setItem(HISTORY_KEY, JSON.stringify([...Array.from({ length: 150 }, (_, i) => `cmd ${i}`), 7]));
    expect(new ConsoleState(new Playground()).history).toHaveLength(HISTORY_MAX);
    localStorage.setItem(HISTORY_KEY, '{not json');
    expect(new ConsoleState(new Playground()).history).toEqual([]);
  });

  it('an open quote or a trailing backslash makes the input incomplete', () => {
    const c = new ConsoleState(new Playground());
    c.input = `aws ecs run-task --overrides '{`;
    expect(c.incomplete).toBe(true);
    c.input = 'aws ecs list-clusters \\';
    expect(c.incomplete).toBe(true);
    c.input = 'aws ecs list-clusters \\\n  --output text';
    expect(c.incomplete).toBe(false);
    c.submit();
    expect(c.entries[0]).toMatchObject({ exitCode: 0, stdout: '' });
  });

  it('echoes UI actions as the CLI commands they equal, with their output or error', () => {
    const p = new Playground();
    const c = new ConsoleState(p);
    p.act(() => p.call('createCluster', { clusterName: 'demo' }));
    p.act(() => p.call('deleteCluster', { cluster: 'nope' }));
    p.act(() => undefined, { cli: 'aws ec2 run-instances --count 1' });
    expect(c.entries.map((e) => [e.kind, e.command, e.exitCode])).toEqual([
      ['echo', 'aws ecs create-cluster --cluster-name demo', 0],
      ['echo', 'aws ecs delete-cluster --cluster nope', 254],
      ['echo', 'aws ec2 run-instances --count 1', 0],
    ]);
    expect(c.entries[0].stdout.startsWith('{\n    "cluster": {')).toBe(true);
    expect(c.entries[1].stderr).toBe('An error occurred (ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.');
  });

  it('commands typed in the console are not echoed a second time', () => {
    const p = new Playground();
    const c = new ConsoleState(p);
    c.submit('aws ecs create-cluster --cluster-name demo');
    expect(c.entries.map((e) => e.kind)).toEqual(['command']);
  });

  it('consoleFor gives one console per playground', () => {
    const p = new Playground();
    expect(consoleFor(p)).toBe(consoleFor(p));
    expect(consoleFor(new Playground())).not.toBe(consoleFor(p));
  });
});
