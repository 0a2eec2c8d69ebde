/**
 * Starting a scenario: a fresh simulation with the scenario's seed and timing profile; the setup made
 * through the journaled API (so recipes and share links replay it): clusters, Auto Scaling groups,
 * capacity providers, instances, task definitions, target groups, load balancers and listeners at 0,
 * services and tasks once the instances have had time to register; the warm-up; and the script handed
 * to `sim.script.scheduleSteps`, which puts each action in the engine's queue at its virtual time. From then on whoever drives the clock (the
 * UI, a test, a replay) sees the actions fire at exactly their time, and snapshots carry the pending ones.
 */
import { createSimulation, type Simulation } from '../core/index';
import type { JsonValue } from '../core/engine/json';
import { toStep, translateInput } from './actions';
import { ScenarioError } from './errors';
import { withElbRefs } from './elbRefs';
import type { InstanceRefs } from './refs';
import type { Scenario } from './types';

export interface StartOptions {
  /** override the scenario's seed (e.g. "try another seed") */
  seed?: number;
  timingProfile?: 'realistic' | 'fast';
  /** leave the script out (the setup only) */
  withoutScript?: boolean;
}

function attempt<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const err = e instanceof Error ? e : new Error(String(e));
    throw new ScenarioError(path, `${err.name}: ${err.message}`);
  }
}

/** Setup requests may use `{ "$subnets": true | [AZ, …] }`; resolved here through the journaled describeSubnets. */
function withSubnets(sim: Simulation, value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((v) => withSubnets(sim, v));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$subnets') {
      const want = value.$subnets;
      const all = sim.infra.describeSubnets().subnets;
      return all.filter((s) => want === true || (Array.isArray(want) && want.includes(s.availabilityZone))).map((s) => s.subnetId);
    }
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withSubnets(sim, v);
    return out;
  }
  return value;
}

/** Seconds after which setup services and tasks are created. */
export function servicesAtSeconds(scenario: Scenario): number {
  return scenario.setup.servicesAtSeconds ?? ((scenario.setup.instances ?? []).length > 0 || (scenario.setup.autoScalingGroups ?? []).length > 0 ? 90 : 0);
}

/** Virtual ms at which the learner takes over and the script's clock starts (services created + warm-up). */
export function scenarioStartMs(scenario: Scenario): number {
  return Math.round((servicesAtSeconds(scenario) + (scenario.setup.warmUpSeconds ?? 0)) * 1000);
}

/** `{ "$autoScalingGroupArn": "<name>" }` → the ARN of the setup group of that name. */
function withGroupArns(arns: Map<string, string>, value: JsonValue, path: string): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => withGroupArns(arns, v, `${path}/${i}`));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$autoScalingGroupArn') {
      const arn = arns.get(String(value.$autoScalingGroupArn));
      if (!arn) throw new ScenarioError(path, `No setup Auto Scaling group is named "${String(value.$autoScalingGroupArn)}".`);
      return arn;
    }
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withGroupArns(arns, v, `${path}/${k}`);
    return out;
  }
  return value;
}

/** Virtual ms at which the scenario ends when played through. */
export function scenarioEndMs(scenario: Scenario): number {
  return scenarioStartMs(scenario) + Math.round(scenario.durationSeconds * 1000);
}

export function startScenario(scenario: Scenario, options: StartOptions = {}): Simulation {
  const sim = createSimulation({ seed: options.seed ?? scenario.seed, timingProfile: options.timingProfile ?? scenario.timingProfile ?? 'realistic' });
  const setup = scenario.setup;
  sim.infra.describeSubnets(); // the default VPC exists from the start, drawn from the seed
  setup.clusters.forEach((c, i) => attempt(`/setup/clusters/${i}`, () => sim.ecs.createCluster(c as never)));
  const groupArns = new Map<string, string>();
  (setup.autoScalingGroups ?? []).forEach((g, i) =>
    attempt(`/setup/autoScalingGroups/${i}`, () => {
      const { autoScalingGroupArn } = sim.infra.createAutoScalingGroup(g as never);
      groupArns.set(String(g.autoScalingGroupName), autoScalingGroupArn);
    }),
  );
  (setup.capacityProviders ?? []).forEach((p, i) =>
    attempt(`/setup/capacityProviders/${i}`, () => sim.ecs.createCapacityProvider(withGroupArns(groupArns, p as JsonValue, `/setup/capacityProviders/${i}`) as never)),
  );
  (setup.clusterCapacityProviders ?? []).forEach((p, i) => attempt(`/setup/clusterCapacityProviders/${i}`, () => sim.ecs.putClusterCapacityProviders(p as never)));
  const refs: InstanceRefs = new Map();
  (setup.instances ?? []).forEach((g, i) =>
    attempt(`/setup/instances/${i}`, () => {
      const { instanceIds } = sim.infra.launchInstances({ cluster: g.cluster, instanceType: g.instanceType, count: g.count ?? 1, ...(g.availabilityZone ? { availabilityZone: g.availabilityZone } : {}) });
      if (g.ref) refs.set(g.ref, [...(refs.get(g.ref) ?? []), ...instanceIds]);
    }),
  );
  (setup.taskDefinitions ?? []).forEach((td, i) => attempt(`/setup/taskDefinitions/${i}`, () => sim.ecs.registerTaskDefinition(td as never)));
  (setup.targetGroups ?? []).forEach((tg, i) => attempt(`/setup/targetGroups/${i}`, () => sim.elbv2.createTargetGroup(tg as never)));
  (setup.loadBalancers ?? []).forEach((lb, i) => attempt(`/setup/loadBalancers/${i}`, () => sim.elbv2.createLoadBalancer(lb as never)));
  (setup.listeners ?? []).forEach((l, i) =>
    attempt(`/setup/listeners/${i}`, () => sim.elbv2.createListener(withElbRefs(sim, l as JsonValue, `/setup/listeners/${i}`) as never)),
  );
  const at = servicesAtSeconds(scenario);
  if (at > 0) sim.advance(Math.round(at * 1000));
  const request = (v: unknown, path: string) => withElbRefs(sim, withSubnets(sim, translateInput(refs, v, path)), path) as never;
  (setup.services ?? []).forEach((s, i) => attempt(`/setup/services/${i}`, () => sim.ecs.createService(request(s, `/setup/services/${i}`))));
  (setup.tasks ?? []).forEach((t, i) =>
    attempt(`/setup/tasks/${i}`, () => {
      const out = sim.ecs.runTask(request(t, `/setup/tasks/${i}`));
      if (out.failures?.length) throw new ScenarioError(`/setup/tasks/${i}`, `RunTask failed: ${out.failures.map((f) => f.reason).join(', ')}`);
    }),
  );
  (setup.codeDeployApplications ?? []).forEach((a, i) => attempt(`/setup/codeDeployApplications/${i}`, () => sim.codedeploy.createApplication(a as never)));
  (setup.deploymentGroups ?? []).forEach((g, i) =>
    attempt(`/setup/deploymentGroups/${i}`, () => sim.codedeploy.createDeploymentGroup(withElbRefs(sim, g as JsonValue, `/setup/deploymentGroups/${i}`) as never)),
  );
  if (setup.warmUpSeconds) sim.advance(Math.round(setup.warmUpSeconds * 1000));
  if (!options.withoutScript && scenario.script?.length) {
    const base = sim.now();
    const steps = scenario.script.map((a, i) => toStep(refs, a, base + Math.round(a.at * 1000), `/script/${i}`, `Scenario script #${i + 1}`));
    attempt('/script', () => sim.script.scheduleSteps({ steps }));
  }
  return sim;
}

/** Plays a started scenario to its end (or leaves it where it is if already past). */
export function runToEnd(scenario: Scenario, sim: Simulation): void {
  const end = scenarioEndMs(scenario);
  if (sim.now() < end) sim.advance(end - sim.now());
}
