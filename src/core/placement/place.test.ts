import { describe, expect, it } from 'vitest';
import { reserveResources } from './fit';
import { ServiceEvents } from './messages';
import { placeTasks } from './place';
import { addInstance, addTask, needs, testState } from './testCluster';
import type { PlacementRequest } from './types';

const AZ = 'attribute:ecs.availability-zone';

function req(partial: Partial<PlacementRequest>): PlacementRequest {
  return { clusterName: 'demo', count: 1, needs: needs({ memory: 512 }), group: 'family:web', ...partial };
}

function idOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

describe('binpack', () => {
  it('binpack(memory) picks the instance with least remaining memory that still fits', () => {
    const s = testState();
    const big = addInstance(s, { memory: 4096 });
    const small = addInstance(s, { memory: 1024 });
    addInstance(s, { memory: 256 });
    const r = placeTasks(s, req({ strategies: [{ type: 'binpack', field: 'memory' }] }));
    expect(r.placements.map((p) => p.containerInstanceArn)).toEqual([small]);
    const rows = r.explanation.instances;
    expect(rows.map((x) => x.outcome)).toEqual(['eligible', 'chosen', 'filtered']);
    expect(rows[0].scores).toEqual([{ strategy: 0, value: 3584, rank: 2, kept: false, detail: '3584 MiB left after placing' }]);
    expect(rows[1].scores).toEqual([{ strategy: 0, value: 512, rank: 1, kept: true, detail: '512 MiB left after placing' }]);
    expect(rows[2].failed).toEqual({ filter: 'memory', reason: 'RESOURCE:MEMORY', detail: 'needs 512 MiB, 256 free' });
    expect(big).toBeDefined();
  });

  it('binpack(cpu) picks the instance with least remaining CPU', () => {
    const s = testState();
    addInstance(s, { cpu: 1024 });
    const tight = addInstance(s, { cpu: 600 });
    const r = placeTasks(s, req({ needs: needs({ cpu: 512 }), strategies: [{ type: 'binpack', field: 'cpu' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(tight);
    expect(r.explanation.instances[1].scores?.[0].detail).toBe('88 CPU units left after placing');
  });

  it('later tasks of one request see the earlier ones: two 1024 MiB tasks fill the tight instance, then the roomy one', () => {
    const s = testState();
    const roomy = addInstance(s, { memory: 3072 });
    const tight = addInstance(s, { memory: 1024 });
    const r = placeTasks(s, req({ count: 3, needs: needs({ memory: 1024 }), strategies: [{ type: 'binpack', field: 'memory' }] }));
    expect(r.placements.map((p) => p.containerInstanceArn)).toEqual([tight, roomy, roomy]);
    expect(r.placements[1].explanation.instances[1].failed).toEqual({ filter: 'memory', reason: 'RESOURCE:MEMORY', detail: 'needs 1024 MiB, 0 free' });
    // nothing reserved for real
    expect(s.containerInstances[tight].remaining.memory).toBe(1024);
    expect(s.containerInstances[roomy].reservations).toEqual({});
  });
});

describe('spread', () => {
  it('spread(attribute:ecs.availability-zone) picks the AZ with the fewest tasks of the group', () => {
    const s = testState();
    const a = addInstance(s, { az: 'us-east-1a' });
    const b = addInstance(s, { az: 'us-east-1b' });
    addTask(s, a, 'family:web');
    addTask(s, b, 'family:other');
    const r = placeTasks(s, req({ strategies: [{ type: 'spread', field: AZ }] }));
    expect(r.placements[0].containerInstanceArn).toBe(b);
    expect(r.explanation.instances[0].scores?.[0]).toEqual({ strategy: 0, value: 1, rank: 2, kept: false, detail: '1 task of the group in us-east-1a' });
    expect(r.explanation.instances[1].scores?.[0]).toEqual({ strategy: 0, value: 0, rank: 1, kept: true, detail: '0 tasks of the group in us-east-1b' });
  });

  it('spread(AZ) then spread(instanceId): the worked example A1, B1, A2, B2', () => {
    const s = testState();
    const a1 = addInstance(s, { az: 'us-east-1a' });
    const a2 = addInstance(s, { az: 'us-east-1a' });
    const b1 = addInstance(s, { az: 'us-east-1b' });
    const b2 = addInstance(s, { az: 'us-east-1b' });
    const r = placeTasks(s, req({ count: 4, strategies: [{ type: 'spread', field: AZ }, { type: 'spread', field: 'instanceId' }] }));
    expect(r.placements.map((p) => p.containerInstanceArn)).toEqual([a1, b1, a2, b2]);
    expect(r.placements[0].explanation.tieBreak).toBe('tie after every strategy: the earliest registered instance wins');
  });

  it("spread(host) is spread(instanceId) and counts the group's tasks per instance", () => {
    const s = testState();
    const a = addInstance(s);
    const b = addInstance(s);
    addTask(s, a, 'family:web');
    addTask(s, a, 'family:web');
    addTask(s, b, 'family:web');
    const r = placeTasks(s, req({ strategies: [{ type: 'spread', field: 'host' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(b);
    expect(r.explanation.strategies).toEqual([{ type: 'spread', field: 'instanceId' }]);
    expect(r.explanation.instances[0].scores?.[0].detail).toBe('2 tasks of the group on this instance');
  });

  it('spread by a custom attribute puts instances without it in one bucket', () => {
    const s = testState();
    const rackA = addInstance(s, { attributes: [{ name: 'rack', value: 'r1' }] });
    const none = addInstance(s);
    addTask(s, rackA, 'family:web');
    const r = placeTasks(s, req({ strategies: [{ type: 'spread', field: 'attribute:rack' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(none);
    expect(r.explanation.instances[1].scores?.[0].detail).toBe('0 tasks of the group in (no rack)');
  });

  it('spread then binpack: spread by AZ, then the fullest instance within the AZ', () => {
    const s = testState();
    addInstance(s, { az: 'us-east-1a', memory: 1024 });
    const b1 = addInstance(s, { az: 'us-east-1b', memory: 4096 });
    const b2 = addInstance(s, { az: 'us-east-1b', memory: 2048 });
    const a1 = Object.keys(s.containerInstances)[0];
    addTask(s, a1, 'family:web', needs({ memory: 256 }));
    const r = placeTasks(s, req({ strategies: [{ type: 'spread', field: AZ }, { type: 'binpack', field: 'memory' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(b2);
    expect(r.explanation.instances.find((x) => x.containerInstanceArn === b1)?.scores).toEqual([
      { strategy: 0, value: 0, rank: 1, kept: true, detail: '0 tasks of the group in us-east-1b' },
      { strategy: 1, value: 3584, rank: 2, kept: false, detail: '3584 MiB left after placing' },
    ]);
  });
});

describe('defaults and random', () => {
  it('a service without strategies balances across AZs, then onto the instance with the fewest service tasks', () => {
    const s = testState();
    const a1 = addInstance(s, { az: 'us-east-1a' });
    const a2 = addInstance(s, { az: 'us-east-1a' });
    const b1 = addInstance(s, { az: 'us-east-1b' });
    addTask(s, a1, 'service:api');
    addTask(s, b1, 'service:api');
    const r = placeTasks(s, req({ group: 'service:api', defaults: 'service' }));
    expect(r.placements[0].containerInstanceArn).toBe(a2);
    expect(r.explanation.strategySource).toBe('serviceDefault');
    expect(r.explanation.strategies).toEqual([{ type: 'spread', field: AZ }, { type: 'spread', field: 'instanceId' }]);
  });

  it('RunTask without strategies places at random, drawing from the seeded PRNG in the state', () => {
    const pick = (seed: number) => {
      const s = testState(seed);
      for (let i = 0; i < 8; i++) addInstance(s);
      const before = s.rng.s;
      const r = placeTasks(s, req({ count: 5 }));
      expect(s.rng.s).not.toBe(before);
      expect(r.explanation.strategySource).toBe('runTaskDefault');
      return r.placements.map((p) => idOf(p.containerInstanceArn).slice(0, 4));
    };
    expect(pick(3)).toEqual(pick(3));
    const all = new Set([1, 2, 3, 4, 5, 6].flatMap((seed) => pick(seed)));
    expect(all.size).toBeGreaterThan(3);
  });

  it('random marks the drawn instance and ends the ranking', () => {
    const s = testState(5);
    addInstance(s);
    addInstance(s);
    const r = placeTasks(s, req({ strategies: [{ type: 'random' }, { type: 'binpack', field: 'memory' }] }));
    const chosen = r.explanation.instances.find((x) => x.outcome === 'chosen')!;
    expect(chosen.scores).toEqual([
      { strategy: 0, value: 0, rank: 1, kept: true, detail: 'drawn at random' },
      { strategy: 1, value: 3584, rank: 1, kept: true, detail: '3584 MiB left after placing' },
    ]);
    const other = r.explanation.instances.find((x) => x.outcome === 'eligible')!;
    expect(other.scores).toEqual([{ strategy: 0, value: 1, rank: 2, kept: false, detail: 'not drawn' }]);
  });
});

describe('constraints', () => {
  it('distinctInstance puts each task of the group on a different instance and fails the rest', () => {
    const s = testState();
    const a = addInstance(s);
    const b = addInstance(s);
    const r = placeTasks(s, req({ count: 3, constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'binpack', field: 'memory' }] }));
    expect(r.placements.map((p) => p.containerInstanceArn)).toEqual([a, b]);
    expect(r.failures).toEqual([
      { arn: a, reason: 'DistinctInstance placement constraint unsatisfied.', detail: 'already runs 1 task of group family:web' },
      { arn: b, reason: 'DistinctInstance placement constraint unsatisfied.', detail: 'already runs 1 task of group family:web' },
    ]);
    expect(r.explanation.taskIndex).toBe(2);
  });

  it('distinctInstance counts tasks already running in the group', () => {
    const s = testState();
    const a = addInstance(s);
    const b = addInstance(s);
    addTask(s, a, 'family:web');
    const r = placeTasks(s, req({ constraints: [{ type: 'distinctInstance' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(b);
  });

  it('memberOf keeps only matching instances and names the expression for the others', () => {
    const s = testState();
    addInstance(s, { instanceType: 't3.small' });
    const m5 = addInstance(s, { instanceType: 'm5.large' });
    const r = placeTasks(s, req({ constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(m5);
    expect(r.explanation.instances[0].failed).toEqual({
      filter: 'constraint',
      reason: 'MemberOf placement constraint unsatisfied.',
      detail: 'does not match memberOf(attribute:ecs.instance-type =~ m5.*)',
      constraintIndex: 0,
    });
  });

  it('memberOf anti-affinity: not(task:group == database) avoids the instance running a database task', () => {
    const s = testState();
    const a = addInstance(s);
    addInstance(s);
    const db = addInstance(s);
    addTask(s, db, 'database');
    const r = placeTasks(s, req({ count: 2, constraints: [{ type: 'memberOf', expression: 'not(task:group == database)' }], strategies: [{ type: 'binpack', field: 'memory' }] }));
    expect(r.placements.map((p) => p.containerInstanceArn)).toEqual([a, a]);
  });

  it('runningTasksCount counts tasks whose desired status is RUNNING', () => {
    const s = testState();
    const busy = addInstance(s);
    const idle = addInstance(s);
    addTask(s, busy, 'family:x');
    addTask(s, idle, 'family:x', needs(), 'STOPPED');
    const r = placeTasks(s, req({ constraints: [{ type: 'memberOf', expression: 'runningTasksCount == 0' }] }));
    expect(r.placements[0].containerInstanceArn).toBe(idle);
  });
});

describe('failure reasons, one per container instance, with the numbers', () => {
  const cases: [string, Parameters<typeof addInstance>[1], Partial<PlacementRequest>, string, string][] = [
    ['RESOURCE:CPU', { cpu: 256 }, { needs: needs({ cpu: 512 }) }, 'RESOURCE:CPU', 'needs 512 CPU units, 256 free'],
    ['RESOURCE:MEMORY', { memory: 384 }, {}, 'RESOURCE:MEMORY', 'needs 512 MiB, 384 free'],
    ['RESOURCE:GPU', { gpus: 0 }, { needs: needs({ gpu: 1 }) }, 'RESOURCE:GPU', 'needs 1 GPU, 0 free'],
    ['RESOURCE:PORTS', {}, { needs: needs({ ports: [{ hostPort: 22, protocol: 'tcp' }] }) }, 'RESOURCE:PORTS', 'needs TCP host port 22, already reserved'],
    ['RESOURCE:ENI', { enis: 0 }, { needs: needs({ needsEni: true }) }, 'RESOURCE:ENI', 'needs 1 network interface, 0 free'],
    ['AGENT', { agentConnected: false }, {}, 'AGENT', 'agent on i-00000000000000001 is disconnected'],
    ['INACTIVE (draining)', { status: 'DRAINING' }, {}, 'INACTIVE', 'container instance is DRAINING'],
    ['ATTRIBUTE', {}, { needs: needs({ requiredAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.44' }] }) }, 'ATTRIBUTE', 'needs attribute com.amazonaws.ecs.capability.docker-remote-api.1.44, which the instance does not have'],
    ['LOCATION', { az: 'us-east-1c' }, { needs: needs({ needsEni: true }), subnetAvailabilityZones: ['us-east-1a', 'us-east-1b'] }, 'LOCATION', 'instance is in us-east-1c; the task\'s subnets are in us-east-1a, us-east-1b'],
    ['memberOf', {}, { constraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == windows' }] }, 'MemberOf placement constraint unsatisfied.', 'does not match memberOf(attribute:ecs.os-type == windows)'],
  ];
  for (const [name, spec, extra, reason, detail] of cases) {
    it(name, () => {
      const s = testState();
      const arn = addInstance(s, spec);
      const r = placeTasks(s, req(extra));
      expect(r.placements).toEqual([]);
      expect(r.failures).toEqual([{ arn, reason, detail }]);
      expect(r.explanation.closest).toEqual({ containerInstanceArn: arn, containerInstanceId: idOf(arn), reason, detail });
      expect(r.explanation.counts.byReason).toEqual({ [reason]: 1 });
    });
  }

  it('RESOURCE:PORTS_UDP', () => {
    const s = testState();
    const arn = addInstance(s);
    addTask(s, arn, 'family:dns', needs({ ports: [{ hostPort: 53, protocol: 'udp' }] }));
    const r = placeTasks(s, req({ needs: needs({ ports: [{ hostPort: 53, protocol: 'udp' }] }) }));
    expect(r.failures).toEqual([{ arn, reason: 'RESOURCE:PORTS_UDP', detail: 'needs UDP host port 53, already reserved' }]);
  });

  it('MISSING for a named candidate that does not exist (StartTask)', () => {
    const s = testState();
    const arn = 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/ffffffffffffffffffffffffffffffff';
    const r = placeTasks(s, req({ candidates: [arn] }));
    expect(r.failures).toEqual([{ arn, reason: 'MISSING', detail: 'not among the container instances the request named' }]);
  });

  it('the closest matching instance is the one that got furthest through the filters', () => {
    const s = testState();
    addInstance(s, { memory: 100 });
    const far = addInstance(s, { instanceType: 't3.micro' });
    const r = placeTasks(s, req({ constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }] }));
    expect(r.explanation.closest?.containerInstanceArn).toBe(far);
    expect(r.failures.map((f) => f.reason)).toEqual(['RESOURCE:MEMORY', 'MemberOf placement constraint unsatisfied.']);
    expect(ServiceEvents.closest('web', idOf(far), r.explanation.closest!.reason)).toBe(
      `(service web) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${idOf(far)} encountered error "MemberOf placement constraint unsatisfied.". For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
  });

  it('service event wordings for memory, CPU, ports, attribute and agent', () => {
    expect(ServiceEvents.closest('web', 'abc', 'RESOURCE:MEMORY')).toContain('The closest matching (container-instance abc) has insufficient memory available.');
    expect(ServiceEvents.closest('web', 'abc', 'RESOURCE:CPU')).toContain('has insufficient CPU units available.');
    expect(ServiceEvents.closest('web', 'abc', 'RESOURCE:PORTS')).toContain('is already using a port required by your task.');
    expect(ServiceEvents.closest('web', 'abc', 'ATTRIBUTE')).toContain('The closest matching container-instance is missing an attribute required by your task.');
    expect(ServiceEvents.closest('web', 'abc', 'AGENT')).toContain('The closest matching (container-instance abc) encountered error "AGENT".');
  });
});

describe('validation and purity', () => {
  it('more than 10 constraints, more than 5 strategies and bad fields come back as errors', () => {
    const s = testState();
    addInstance(s);
    const eleven = Array.from({ length: 11 }, () => ({ type: 'memberOf' as const, expression: 'agentConnected == true' }));
    expect(placeTasks(s, req({ constraints: eleven })).error).toBe('Too many placement constraints: 11 given (task definition and request together); the maximum is 10.');
    const six = Array.from({ length: 6 }, () => ({ type: 'random' as const }));
    expect(placeTasks(s, req({ strategies: six })).error).toBe('Too many placement strategies: 6 given; the maximum is 5.');
    expect(placeTasks(s, req({ strategies: [{ type: 'binpack', field: 'disk' }] })).error).toBe("Invalid field 'disk' for the binpack placement strategy. Valid fields are cpu and memory.");
    expect(placeTasks(s, req({ constraints: [{ type: 'memberOf', expression: 'attribute:a ==' }] })).error).toBe(
      "Invalid placement constraint expression: Expected an argument for '==' at column 15, found end of expression.",
    );
  });

  it('does not change the state when no strategy is random', () => {
    const s = testState();
    const a = addInstance(s, { az: 'us-east-1a' });
    addInstance(s, { az: 'us-east-1b' });
    addTask(s, a, 'family:web');
    const before = JSON.stringify(s);
    placeTasks(s, req({ count: 4, constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'spread', field: AZ }, { type: 'binpack', field: 'memory' }] }));
    expect(JSON.stringify(s)).toBe(before);
  });

  it('keeps the chosen instance and those that got furthest when rows are limited', () => {
    const s = testState();
    for (let i = 0; i < 5; i++) addInstance(s, { memory: 100 });
    const ok1 = addInstance(s, { memory: 2048 });
    const ok2 = addInstance(s, { memory: 1024 });
    const r = placeTasks(s, req({ strategies: [{ type: 'binpack', field: 'memory' }], maxExplanationRows: 3 }));
    expect(r.explanation.instances.map((x) => x.containerInstanceArn).slice(1)).toEqual([ok1, ok2]);
    expect(r.explanation.instances[0].outcome).toBe('filtered');
    expect(r.explanation.omittedRows).toBe(4);
    expect(r.explanation.counts).toEqual({ instances: 7, fit: 2, eligible: 2, byReason: { 'RESOURCE:MEMORY': 5 } });
  });
});

describe('memoised facts stay correct', () => {
  it('a reservation whose task record arrives later is counted once the record exists', () => {
    const s = testState();
    const a = addInstance(s);
    const b = addInstance(s);
    const r1 = placeTasks(s, req({ constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'binpack', field: 'memory' }] }));
    expect(r1.placements[0].containerInstanceArn).toBe(a);
    // reserve first, as RunTask does, and ask again before the task record exists
    reserveResources(s, a, 'arn:aws:ecs:us-east-1:123456789012:task/demo/late', needs({ memory: 512 }));
    placeTasks(s, req({ constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'binpack', field: 'memory' }] }));
    s.tasks['arn:aws:ecs:us-east-1:123456789012:task/demo/late'] = { group: 'family:web', desiredStatus: 'RUNNING' } as never;
    const r3 = placeTasks(s, req({ constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'binpack', field: 'memory' }] }));
    expect(r3.placements[0].containerInstanceArn).toBe(b);
  });

  it('attributes replaced by PutAttributes-style updates are seen by memberOf', () => {
    const s = testState();
    const a = addInstance(s);
    const expression = 'attribute:stack == prod';
    expect(placeTasks(s, req({ constraints: [{ type: 'memberOf', expression }] })).placements).toEqual([]);
    s.containerInstances[a].attributes = [...s.containerInstances[a].attributes, { name: 'stack', value: 'prod' }];
    s.containerInstances[a].version++;
    expect(placeTasks(s, req({ constraints: [{ type: 'memberOf', expression }] })).placements[0].containerInstanceArn).toBe(a);
  });

  it('an agent that disconnects is filtered at once', () => {
    const s = testState();
    const a = addInstance(s);
    expect(placeTasks(s, req({})).placements[0].containerInstanceArn).toBe(a);
    s.containerInstances[a].agentConnected = false;
    expect(placeTasks(s, req({})).failures[0].reason).toBe('AGENT');
  });
});
