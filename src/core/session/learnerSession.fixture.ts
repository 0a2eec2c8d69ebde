/** A learner's session for tests: a cluster, instances, a service, a few changes over time. */
import { createSimulation, type Simulation } from '../index';

export const webDef = {
  family: 'web',
  requiresCompatibilities: ['FARGATE' as const],
  networkMode: 'awsvpc' as const,
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
};

export const apiDef = {
  family: 'api',
  containerDefinitions: [{ name: 'api', image: 'httpd:2.4', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
};

function attempt(fn: () => unknown): void {
  try {
    fn();
  } catch {
    /* ECS said no; the journal keeps the call */
  }
}

/** `scale` multiplies the number of tasks; `minutes` is how long the session runs in all. */
export function learnerSession(options: { seed?: number; scale?: number; minutes?: number } = {}): Simulation {
  const scale = options.scale ?? 1;
  const minutes = options.minutes ?? 20;
  const sim = createSimulation({ seed: options.seed ?? 7 });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.ecs.registerTaskDefinition(webDef);
  sim.ecs.registerTaskDefinition(apiDef);
  sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 2 * scale });
  sim.advance(90_000);
  const subnets = sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
  sim.ecs.createService({
    cluster: 'demo',
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: 3 * scale,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets, assignPublicIp: 'ENABLED' } },
  });
  attempt(() => sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'api', count: 2 * scale }));
  attempt(() => sim.ecs.createCluster({ clusterName: 'bad name!' }));
  const step = Math.max(1, Math.floor((minutes - 2) / 4));
  for (let i = 0; i < 4; i++) {
    sim.advance(step * 60_000);
    sim.ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: (2 + (i % 3)) * scale });
  }
  sim.ecs.registerTaskDefinition({ ...webDef, containerDefinitions: [{ ...webDef.containerDefinitions[0], image: 'nginx:1.28' }] });
  sim.ecs.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
  sim.advance(Math.max(0, minutes * 60_000 - sim.now()));
  return sim;
}
