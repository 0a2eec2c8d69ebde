/** Each demo shows what its description promises. */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../core/index';
import { getScenario, runToEnd, startScenario } from './index';

function played(id: string): Simulation {
  const s = getScenario(id)!;
  const sim = startScenario(s);
  runToEnd(s, sim);
  return sim;
}

const serviceMessages = (sim: Simulation, service: string) => sim.events.filter((e) => e.type === 'service.event' && e.data?.serviceName === service).map((e) => e.message);

describe('demos', () => {
  it('ec2-vs-fargate: the EC2 service runs out of room until the third instance joins; Fargate just grows', () => {
    const sim = played('ec2-vs-fargate');
    expect(serviceMessages(sim, 'web-ec2').some((m) => m.includes('was unable to place a task'))).toBe(true);
    expect(serviceMessages(sim, 'web-fargate').some((m) => m.includes('was unable to place a task'))).toBe(false);
    const svc = sim.ecs.describeServices({ cluster: 'side-by-side', services: ['web-ec2', 'web-fargate'] }).services!;
    expect(svc.map((x) => x.runningCount)).toEqual([8, 8]);
  });

  it('rolling-update-parameters: the two stuck configurations say so and stay on revision 1; the others complete', () => {
    const sim = played('rolling-update-parameters');
    for (const stuck of ['d2-min75-max100', 'd3-min100-max125']) {
      expect(serviceMessages(sim, stuck).some((m) => m.includes('was unable to stop or start tasks during a deployment'))).toBe(true);
    }
    const services = sim.ecs.describeServices({ cluster: 'rolling', services: ['d4-min50-max200', 'd4-min100-max200', 'd1-min0-max100', 'd10-min50-max150', 'd2-min75-max100', 'd3-min100-max125'] }).services!;
    expect(services.map((x) => x.deployments?.length)).toEqual([1, 1, 1, 1, 2, 2]);
  });

  it('codedeploy-canary: 10 % then 100 % of production on green, the AfterAllowTraffic hook fails, CodeDeploy rolls back to blue', () => {
    const sim = played('codedeploy-canary');
    const messages = serviceMessages(sim, 'web');
    expect(messages.some((m) => m.includes('routed 10% of production traffic to the replacement task set'))).toBe(true);
    expect(messages.some((m) => m.includes('routed 100% of production traffic to the replacement task set'))).toBe(true);
    expect(messages.some((m) => m.includes('CodeDeploy rolled back deployment'))).toBe(true);
    const [first] = Object.values(sim.state.codedeploy!.deployments);
    expect([first.status, first.errorInformation?.code]).toEqual(['Failed', 'HOOK_EXECUTION_FAILURE']);
    const sets = sim.ecs.describeTaskSets({ cluster: 'shop', service: 'web' }).taskSets!;
    expect(sets.map((t) => [t.status, t.taskDefinition!.split('/')[1], t.runningCount])).toEqual([['PRIMARY', 'shop:1', 3]]);
  });

  it('placement-strategies-compared: binpack uses fewer instances than spread', () => {
    const sim = played('placement-strategies-compared');
    const used = (cluster: string) => {
      const arns = sim.ecs.listTasks({ cluster }).taskArns!;
      return new Set(sim.ecs.describeTasks({ cluster, tasks: arns }).tasks!.map((t) => t.containerInstanceArn)).size;
    };
    expect(used('binpack')).toBe(1);
    expect(used('spread')).toBe(3);
  });

  it('agent-disconnect-and-termination: the terminated instance is INACTIVE and its task is replaced elsewhere', () => {
    const sim = played('agent-disconnect-and-termination');
    expect(sim.events.some((e) => e.type === 'fault.disconnectAgent')).toBe(true);
    expect(sim.infra.describeInstances().instances.map((i) => i.state.name).sort()).toEqual(['running', 'running', 'terminated']);
    expect(sim.ecs.listContainerInstances({ cluster: 'ops' }).containerInstanceArns).toHaveLength(2);
    expect(sim.events.some((e) => e.type === 'task.stateChange' && String(e.data?.stoppedReason ?? '').includes('terminated'))).toBe(true);
    expect(sim.ecs.describeServices({ cluster: 'ops', services: ['web'] }).services![0].runningCount).toBe(3);
  });
});
