import { describe, expect, it } from 'vitest';
import { Playground } from './playground.svelte';
import { TaskLaunchChoice } from './taskLaunchChoice.svelte';

describe('TaskLaunchChoice', () => {
  it('defaults to the first revision and its launch type, and gives awsvpc definitions the default subnets', () => {
    const playground = new Playground();
    const launch = new TaskLaunchChoice(playground);
    expect(launch.taskDefinition).toBeUndefined();
    playground.act((sim) =>
      sim.ecs.registerTaskDefinition({
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
      }),
    );
    expect(launch.taskDefinition).toBe('web:1');
    expect(launch.launchType).toBe('FARGATE');
    expect(launch.awsvpc).toBe(true);
    const net = launch.network(playground.sim).networkConfiguration?.awsvpcConfiguration;
    expect(net?.subnets).toHaveLength(6);
    expect(net?.assignPublicIp).toBe('ENABLED');
  });

  it('keeps a pick while it exists and falls back when it is gone', () => {
    const playground = new Playground();
    const launch = new TaskLaunchChoice(playground);
    playground.act((sim) => sim.ecs.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'a', image: 'httpd:2.4', memory: 128 }] }));
    playground.act((sim) => sim.ecs.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'a', image: 'httpd:2.4', memory: 256 }] }));
    launch.picked = 'api:1';
    expect(launch.taskDefinition).toBe('api:1');
    expect(launch.launchType).toBe('EC2');
    expect(launch.network(playground.sim)).toEqual({});
    playground.act((sim) => sim.ecs.deregisterTaskDefinition({ taskDefinition: 'api:1' }));
    expect(launch.taskDefinition).toBe('api:2');
  });
});
