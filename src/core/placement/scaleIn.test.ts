import { describe, expect, it } from 'vitest';
import { chooseTasksToStop } from './scaleIn';
import { addInstance, addTask, needs, testState } from './testCluster';

describe('choosing tasks to stop on scale-in', () => {
  it('without a strategy: the AZ with the most tasks of the service, then the instance with the most', () => {
    const s = testState();
    const a1 = addInstance(s, { az: 'us-east-1a' });
    const b1 = addInstance(s, { az: 'us-east-1b' });
    const b2 = addInstance(s, { az: 'us-east-1b' });
    const c1 = addInstance(s, { az: 'us-east-1c' });
    const tA = addTask(s, a1, 'service:api');
    const tB1 = addTask(s, b1, 'service:api');
    const tB2a = addTask(s, b2, 'service:api');
    const tB2b = addTask(s, b2, 'service:api');
    const tC = addTask(s, c1, 'service:api');
    const r = chooseTasksToStop(s, { taskArns: [tA, tB1, tB2a, tB2b, tC], count: 1 });
    expect([tB2a, tB2b]).toContain(r.taskArns[0]);
    expect(r.steps[0].reasons).toEqual(['3 tasks of the group in us-east-1b', `2 tasks of the group in ${s.containerInstances[b2].ec2InstanceId}`]);
    expect(r.steps[0].tied).toBe(2);
    expect(r.strategies).toEqual([{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }]);
  });

  it('spread(AZ) scale-in keeps AZs balanced over several stops', () => {
    const s = testState();
    const a = addInstance(s, { az: 'us-east-1a' });
    const b = addInstance(s, { az: 'us-east-1b' });
    const tasks = [addTask(s, a, 'service:api'), addTask(s, a, 'service:api'), addTask(s, a, 'service:api'), addTask(s, b, 'service:api')];
    const r = chooseTasksToStop(s, { taskArns: tasks, count: 3, strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] });
    const azOf = (t: string) => s.containerInstances[s.tasks[t].containerInstanceArn!].attributes[0].value;
    expect(r.taskArns.map(azOf)).toEqual(['us-east-1a', 'us-east-1a', expect.stringMatching(/us-east-1[ab]/)]);
  });

  it('binpack(memory) scale-in stops the task on the instance that will have the most memory free', () => {
    const s = testState();
    const big = addInstance(s, { memory: 4096 });
    const small = addInstance(s, { memory: 2048 });
    const t1 = addTask(s, big, 'service:api', needs({ memory: 3000 }));
    const t2 = addTask(s, small, 'service:api', needs({ memory: 512 }));
    const r = chooseTasksToStop(s, { taskArns: [t1, t2], count: 1, strategies: [{ type: 'binpack', field: 'memory' }] });
    expect(r.taskArns).toEqual([t1]);
    expect(r.steps[0].reasons).toEqual(['4096 MiB free after stopping']);
  });

  it('binpack(cpu) empties the least-used instance first, then moves on', () => {
    const s = testState();
    const a = addInstance(s, { cpu: 2048 });
    const b = addInstance(s, { cpu: 2048 });
    const ta1 = addTask(s, a, 'service:api', needs({ cpu: 1024 }));
    const ta2 = addTask(s, a, 'service:api', needs({ cpu: 512 }));
    const tb = addTask(s, b, 'service:api', needs({ cpu: 256 }));
    const r = chooseTasksToStop(s, { taskArns: [ta1, ta2, tb], count: 3, strategies: [{ type: 'binpack', field: 'cpu' }] });
    expect(r.taskArns).toEqual([tb, ta1, ta2]);
  });

  it('random scale-in draws from the seeded PRNG', () => {
    const run = (seed: number) => {
      const s = testState(seed);
      const a = addInstance(s);
      const tasks = Array.from({ length: 6 }, () => addTask(s, a, 'service:api'));
      return chooseTasksToStop(s, { taskArns: tasks, count: 3, strategies: [{ type: 'random' }] }).taskArns.map((t) => tasks.indexOf(t));
    };
    expect(run(9)).toEqual(run(9));
    expect(new Set(run(9)).size).toBe(3);
  });

  it('a bad strategy comes back as an error', () => {
    expect(chooseTasksToStop(testState(), { taskArns: [], count: 1, strategies: [{ type: 'spread' }] }).error).toBe('The spread placement strategy requires a field.');
  });
});
