import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core';
import { defaultLaunchType, taskDefinitionChoices } from './taskDefinitionChoices';

describe('taskDefinitionChoices', () => {
  it('lists ACTIVE revisions, newest first within a family, families in name order', () => {
    const sim = createSimulation();
    const fargate = {
      requiresCompatibilities: ['FARGATE' as const],
      networkMode: 'awsvpc' as const,
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'app', image: 'nginx:1.27' }],
    };
    sim.ecs.registerTaskDefinition({ family: 'web', ...fargate });
    sim.ecs.registerTaskDefinition({ family: 'web', ...fargate });
    sim.ecs.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'httpd:2.4', memory: 256 }] });
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' });
    const choices = taskDefinitionChoices(sim.state);
    expect(choices.map((c) => c.ref)).toEqual(['api:1', 'web:2']);
    expect(defaultLaunchType(choices[0])).toBe('EC2');
    expect(defaultLaunchType(choices[1])).toBe('FARGATE');
    expect(choices[1].networkMode).toBe('awsvpc');
  });
});
