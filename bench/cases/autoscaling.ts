/**
 * Service Auto Scaling at scale: 20 services, each with a CPU target tracking policy (target 50 %,
 * 1–12 tasks) and a daily-wave load compressed into an hour with a different phase, run for two
 * virtual hours; and the size of the snapshot afterwards (three hours of datapoints are kept).
 */
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import { onceMs, type BenchCase } from '../harness';

const SERVICES = 20;
const HOURS = 2;

function world(): Simulation {
  const sim = createSimulation({ seed: 21, timingProfile: 'realistic' });
  sim.ecs.createCluster({ clusterName: 'asc' });
  sim.infra.launchInstances({ cluster: 'asc', instanceType: 'm5.2xlarge', count: 40 });
  sim.advance(5 * 60_000);
  sim.ecs.registerTaskDefinition({ family: 'api', cpu: '256', memory: '512', containerDefinitions: [{ name: 'api', image: 'nginx:latest', essential: true }] });
  for (let i = 0; i < SERVICES; i++) {
    const name = `api-${i}`;
    sim.ecs.createService({ cluster: 'asc', serviceName: name, taskDefinition: 'api', desiredCount: 2 });
    const ResourceId = `service/asc/${name}`;
    sim.applicationAutoScaling.registerScalableTarget({ ServiceNamespace: 'ecs', ResourceId, ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 12 });
    sim.applicationAutoScaling.putScalingPolicy({
      ServiceNamespace: 'ecs',
      ResourceId,
      ScalableDimension: 'ecs:service:DesiredCount',
      PolicyName: 'cpu50',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 120 },
    });
    sim.faults.setLoad({ cluster: 'asc', service: name, profile: { type: 'wave', min: 5, max: 120 + 5 * i, periodMs: (50 + i) * 60_000 } });
  }
  return sim;
}

let done: Simulation | undefined;
export const cases: BenchCase[] = [
  {
    name: `${SERVICES} auto-scaled services under a wave load for ${HOURS} virtual hours`,
    unit: 'ms',
    budget: 6000,
    run: () => {
      const sim = world();
      const ms = onceMs(() => sim.advance(HOURS * 60 * 60_000));
      if (sim.events.filter((e) => e.type === 'autoscaling.activity').length < SERVICES) throw new Error('the services did not scale');
      done = sim;
      return ms;
    },
  },
  {
    name: `snapshot after ${HOURS} virtual hours of ${SERVICES} auto-scaled services`,
    unit: 'KB',
    budget: 20_000,
    run: () => JSON.stringify((done ?? world()).snapshot()).length / 1024,
  },
];
