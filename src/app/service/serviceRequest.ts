/**
 * The create/update service forms as plain values, the exact ECS API request they produce, and their
 * checks. Every check runs the core's own validator or quotes the core's own message, so the text
 * beside a field is the text the API would answer. Pure: no Svelte, no DOM.
 */
import type {
  CapacityProviderStrategyItem,
  CreateServiceRequest,
  DeploymentConfiguration,
  LoadBalancer,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  UpdateServiceRequest,
} from '@aws-sdk/client-ecs';
import type { SimState } from '../../core';
import { EcsError } from '../../core';
import { resolveCluster } from '../../core/api/clusters';
import { Messages } from '../../core/api/messages';
import { AutoScalingMessages } from '../../core/autoscaling/messages';
import { checkStrategyForCluster, parseStrategy } from '../../core/capacity/strategy';
import { checkServiceLoadBalancers } from '../../core/elb/serviceLoadBalancers';
import { validateCql } from '../../core/placement/cql';
import { ValidationMessages } from '../../core/placement/messages';
import { checkConstraints, checkStrategies, MAX_STRATEGIES } from '../../core/placement/validate';
import { applyShiftConfiguration } from '../../core/scheduler/shiftConfig';
import type { DeploymentConfigurationRecord } from '../../core/scheduler/serviceRecord';

export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
export const DEPLOYMENT_STRATEGIES: readonly DeploymentStrategy[] = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
export const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;
export const SCALING_METRICS = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'] as const;
export type ScalingMetric = (typeof SCALING_METRICS)[number];

export interface StrategyRow {
  type: 'binpack' | 'spread' | 'random';
  field: string;
}
export interface ConstraintRow {
  type: 'distinctInstance' | 'memberOf';
  expression: string;
}
export interface ProviderRow {
  capacityProvider: string;
  base: number | null;
  weight: number | null;
}
export interface HookRow {
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  stage: (typeof HOOK_STAGES)[number];
  hookTargetArn: string;
  roleArn: string;
}

export interface ServiceFormValues {
  serviceName: string;
  taskDefinition: string;
  desiredCount: number | null;
  launchMode: 'launchType' | 'capacityProviders';
  launchType: 'FARGATE' | 'EC2';
  providers: ProviderRow[];
  strategy: DeploymentStrategy;
  minimumHealthyPercent: number | null;
  maximumPercent: number | null;
  circuitBreaker: boolean;
  rollback: boolean;
  bakeTimeInMinutes: number | null;
  stepPercent: number | null;
  stepBakeTimeInMinutes: number | null;
  canaryPercent: number | null;
  canaryBakeTimeInMinutes: number | null;
  hooks: HookRow[];
  placementStrategy: StrategyRow[];
  placementConstraints: ConstraintRow[];
  loadBalancer: boolean;
  targetGroupArn: string;
  containerName: string;
  containerPort: number | null;
  alternateTargetGroupArn: string;
  productionListenerRule: string;
  testListenerRule: string;
  lbRoleArn: string;
  autoScaling: boolean;
  minCapacity: number | null;
  maxCapacity: number | null;
  scalingMetric: ScalingMetric;
  targetValue: number | null;
  policyName: string;
}

export function defaultServiceForm(): ServiceFormValues {
  return {
    serviceName: 'web',
    taskDefinition: '',
    desiredCount: 3,
    launchMode: 'launchType',
    launchType: 'FARGATE',
    providers: [],
    strategy: 'ROLLING',
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    circuitBreaker: true,
    rollback: true,
    bakeTimeInMinutes: 5,
    stepPercent: 10,
    stepBakeTimeInMinutes: 6,
    canaryPercent: 5,
    canaryBakeTimeInMinutes: 10,
    hooks: [],
    placementStrategy: [],
    placementConstraints: [],
    loadBalancer: false,
    targetGroupArn: '',
    containerName: '',
    containerPort: 80,
    alternateTargetGroupArn: '',
    productionListenerRule: '',
    testListenerRule: '',
    lbRoleArn: '',
    autoScaling: false,
    minCapacity: 1,
    maxCapacity: 10,
    scalingMetric: 'ECSServiceAverageCPUUtilization',
    targetValue: 75,
    policyName: 'cpu-target-tracking',
  };
}

const num = (v: number | null): number | undefined => (v === null || v === undefined || Number.isNaN(v) ? undefined : v);

export function isShift(strategy: DeploymentStrategy): boolean {
  return strategy !== 'ROLLING';
}

export function deploymentConfigurationOf(v: ServiceFormValues): DeploymentConfiguration {
  const out: DeploymentConfiguration = { strategy: v.strategy };
  if (v.strategy === 'ROLLING') {
    out.minimumHealthyPercent = num(v.minimumHealthyPercent);
    out.maximumPercent = num(v.maximumPercent);
    out.deploymentCircuitBreaker = { enable: v.circuitBreaker, rollback: v.circuitBreaker && v.rollback };
  } else {
    out.bakeTimeInMinutes = num(v.bakeTimeInMinutes);
    if (v.strategy === 'LINEAR') out.linearConfiguration = { stepPercent: num(v.stepPercent), stepBakeTimeInMinutes: num(v.stepBakeTimeInMinutes) };
    if (v.strategy === 'CANARY') out.canaryConfiguration = { canaryPercent: num(v.canaryPercent), canaryBakeTimeInMinutes: num(v.canaryBakeTimeInMinutes) };
    if (v.hooks.length > 0) {
      out.lifecycleHooks = v.hooks.map((h) => ({
        targetType: h.targetType,
        lifecycleStages: [h.stage],
        ...(h.targetType === 'AWS_LAMBDA' ? { hookTargetArn: h.hookTargetArn.trim() } : {}),
        ...(h.roleArn.trim() ? { roleArn: h.roleArn.trim() } : {}),
      }));
    }
  }
  return out;
}

export function placementStrategyOf(v: ServiceFormValues): PlacementStrategy[] {
  return v.placementStrategy.map((s) => (s.type === 'random' ? { type: 'random' } : { type: s.type, field: s.field.trim() }));
}

export function placementConstraintsOf(v: ServiceFormValues): PlacementConstraint[] {
  return v.placementConstraints.map((c) => (c.type === 'distinctInstance' ? { type: 'distinctInstance' } : { type: 'memberOf', expression: c.expression }));
}

export function providersOf(v: ServiceFormValues): CapacityProviderStrategyItem[] {
  return v.providers.map((p) => ({ capacityProvider: p.capacityProvider, base: num(p.base) ?? 0, weight: num(p.weight) ?? 0 }));
}

export function loadBalancersOf(v: ServiceFormValues): LoadBalancer[] {
  if (!v.loadBalancer) return [];
  const lb: LoadBalancer = { targetGroupArn: v.targetGroupArn, containerName: v.containerName, containerPort: num(v.containerPort) };
  if (isShift(v.strategy) && v.alternateTargetGroupArn) {
    lb.advancedConfiguration = {
      alternateTargetGroupArn: v.alternateTargetGroupArn,
      productionListenerRule: v.productionListenerRule || undefined,
      testListenerRule: v.testListenerRule || undefined,
      roleArn: v.lbRoleArn.trim() || undefined,
    };
  }
  return [lb];
}

/** Drops undefined members, so the request (and its CLI command) holds only what the form sets. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The CreateService request the form makes. */
export function createServiceRequest(v: ServiceFormValues, cluster: string, network: { networkConfiguration?: NetworkConfiguration }): CreateServiceRequest {
  const placementStrategy = placementStrategyOf(v);
  const placementConstraints = placementConstraintsOf(v);
  const loadBalancers = loadBalancersOf(v);
  return clean({
    cluster,
    serviceName: v.serviceName.trim(),
    taskDefinition: v.taskDefinition,
    desiredCount: num(v.desiredCount),
    ...(v.launchMode === 'capacityProviders' ? { capacityProviderStrategy: providersOf(v) } : { launchType: v.launchType }),
    deploymentConfiguration: deploymentConfigurationOf(v),
    ...(placementConstraints.length ? { placementConstraints } : {}),
    ...(placementStrategy.length ? { placementStrategy } : {}),
    ...(loadBalancers.length ? { loadBalancers } : {}),
    ...network,
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The UpdateService request: only the members that differ from the service as it is (`current`),
 * so the command reads like the change the learner made. UpdateService has no launchType member:
 * a service moves to a capacity provider strategy, not back to a launch type (ECS rule).
 */
export function updateServiceRequest(v: ServiceFormValues, current: ServiceFormValues, cluster: string, service: string): UpdateServiceRequest {
  const out: UpdateServiceRequest = { cluster, service };
  if (v.taskDefinition !== current.taskDefinition) out.taskDefinition = v.taskDefinition;
  if (v.desiredCount !== current.desiredCount) out.desiredCount = num(v.desiredCount);
  if (v.launchMode === 'capacityProviders' && (current.launchMode !== 'capacityProviders' || !same(providersOf(v), providersOf(current)))) {
    out.capacityProviderStrategy = providersOf(v);
  }
  if (!same(deploymentConfigurationOf(v), deploymentConfigurationOf(current))) out.deploymentConfiguration = deploymentConfigurationOf(v);
  if (!same(placementConstraintsOf(v), placementConstraintsOf(current))) out.placementConstraints = placementConstraintsOf(v);
  if (!same(placementStrategyOf(v), placementStrategyOf(current))) out.placementStrategy = placementStrategyOf(v);
  if (!same(loadBalancersOf(v), loadBalancersOf(current))) out.loadBalancers = loadBalancersOf(v);
  return clean(out);
}

/** What the checks need to know besides the form: the simulation and the chosen task definition. */
export interface CheckContext {
  state: SimState;
  cluster: string;
  mode: 'create' | 'update';
  networkMode: string;
  containerNames: string[];
  /** memberOf constraints of the task definition, which count toward the 10 */
  taskDefinitionConstraints: readonly unknown[];
}

/** Field name → the message to show beside it. Empty when the form would be accepted as far as the checks can tell. */
export type FieldErrors = Record<string, string>;

function message(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof EcsError || (e instanceof Error && e.name !== 'Error')) return e.message;
    throw e;
  }
}

const SERVICE_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

function checkDeployment(v: ServiceFormValues, errors: FieldErrors): void {
  if (v.strategy === 'ROLLING') {
    const min = num(v.minimumHealthyPercent);
    const max = num(v.maximumPercent);
    if (min === undefined || !Number.isInteger(min) || min < 0 || min > 100) errors.minimumHealthyPercent = Messages.minimumHealthyPercentRange;
    if (max === undefined || !Number.isInteger(max) || max < 100) errors.maximumPercent = Messages.maximumPercentTooLow;
    return;
  }
  const fresh = (): DeploymentConfigurationRecord => ({ minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: false, rollback: false }, strategy: v.strategy });
  const config = deploymentConfigurationOf(v);
  const put = (field: string, part: Record<string, unknown>) => {
    const m = message(() => applyShiftConfiguration(part, { ...fresh(), strategy: 'ROLLING' }));
    if (m) errors[field] = m;
  };
  put('bakeTimeInMinutes', { bakeTimeInMinutes: config.bakeTimeInMinutes });
  if (!errors.bakeTimeInMinutes) {
    const m = message(() => applyShiftConfiguration({ bakeTimeInMinutes: config.bakeTimeInMinutes }, fresh()));
    if (m) errors.bakeTimeInMinutes = m;
  }
  if (config.linearConfiguration) {
    put('stepPercent', { linearConfiguration: { stepPercent: config.linearConfiguration.stepPercent } });
    put('stepBakeTimeInMinutes', { linearConfiguration: { stepBakeTimeInMinutes: config.linearConfiguration.stepBakeTimeInMinutes } });
  }
  if (config.canaryConfiguration) {
    put('canaryPercent', { canaryConfiguration: { canaryPercent: config.canaryConfiguration.canaryPercent } });
    put('canaryBakeTimeInMinutes', { canaryConfiguration: { canaryBakeTimeInMinutes: config.canaryConfiguration.canaryBakeTimeInMinutes } });
  }
  (config.lifecycleHooks ?? []).forEach((h, i) => put(`hooks.${i}`, { lifecycleHooks: [h] }));
}

function checkPlacement(v: ServiceFormValues, ctx: CheckContext, errors: FieldErrors): void {
  const strategies = placementStrategyOf(v);
  if (strategies.length > MAX_STRATEGIES) {
    const r = checkStrategies(strategies);
    if (!r.ok) errors.placementStrategy = r.message;
  }
  strategies.forEach((s, i) => {
    const r = checkStrategies([s]);
    if (!r.ok) errors[`placementStrategy.${i}`] = r.message;
  });
  const constraints = placementConstraintsOf(v);
  const all = checkConstraints(constraints, ctx.taskDefinitionConstraints);
  if (!all.ok && constraints.length + ctx.taskDefinitionConstraints.length > 10) errors.placementConstraints = all.message;
  constraints.forEach((c, i) => {
    if (c.type === 'memberOf' && c.expression?.trim()) {
      // The parser's own error, with the column it stopped at.
      const syntax = validateCql(c.expression);
      if (syntax) {
        errors[`placementConstraints.${i}`] = ValidationMessages.expressionInvalid(syntax.message);
        return;
      }
    }
    const r = checkConstraints([c]);
    if (!r.ok) errors[`placementConstraints.${i}`] = r.message;
  });
}

function checkCapacity(v: ServiceFormValues, ctx: CheckContext, errors: FieldErrors): void {
  if (v.launchMode !== 'capacityProviders') return;
  const items = providersOf(v);
  if (items.length === 0) {
    errors.capacityProviderStrategy = Messages.missingMember('capacityProviderStrategy');
    return;
  }
  let rowError = false;
  v.providers.forEach((p, i) => {
    const m = message(() => parseStrategy([{ capacityProvider: p.capacityProvider, base: num(p.base) ?? 0, weight: num(p.weight) ?? 0 }]));
    if (m) {
      errors[`capacityProviderStrategy.${i}`] = m;
      rowError = true;
    }
  });
  if (rowError) return;
  const m = message(() => checkStrategyForCluster(ctx.state, resolveCluster(ctx.state, ctx.cluster), items));
  if (m) errors.capacityProviderStrategy = m;
}

function checkLoadBalancer(v: ServiceFormValues, ctx: CheckContext, errors: FieldErrors): void {
  if (!v.loadBalancer) return;
  if (!v.targetGroupArn) {
    errors.loadBalancer = Messages.missingMember('targetGroupArn');
    return;
  }
  const m = message(() => checkServiceLoadBalancers(ctx.state, loadBalancersOf(v), ctx.networkMode, ctx.containerNames));
  if (m) errors.loadBalancer = m;
}

function checkScaling(v: ServiceFormValues, errors: FieldErrors): void {
  if (!v.autoScaling) return;
  const min = num(v.minCapacity);
  const max = num(v.maxCapacity);
  const inRange = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= 0 && n <= 5000;
  if (!inRange(min)) errors.minCapacity = AutoScalingMessages.capacityRange('MinCapacity');
  if (!inRange(max)) errors.maxCapacity = AutoScalingMessages.capacityRange('MaxCapacity');
  if (inRange(min) && inRange(max) && min! > max!) errors.maxCapacity = AutoScalingMessages.minAboveMax(min!, max!);
  const target = num(v.targetValue);
  if (target === undefined || !(target > 0)) errors.targetValue = AutoScalingMessages.targetValue;
  if (!/^[^:/]{1,256}$/.test(v.policyName)) errors.policyName = AutoScalingMessages.policyName;
  if (v.scalingMetric === 'ALBRequestCountPerTarget' && !v.loadBalancer) errors.scalingMetric = AutoScalingMessages.resourceLabel;
}

/** Every check the form can make before calling the API, by field. */
export function checkServiceForm(v: ServiceFormValues, ctx: CheckContext): FieldErrors {
  const errors: FieldErrors = {};
  if (ctx.mode === 'create' && !SERVICE_NAME.test(v.serviceName.trim())) errors.serviceName = Messages.invalidServiceName;
  const desired = num(v.desiredCount);
  if (desired === undefined) errors.desiredCount = Messages.desiredCountRequired;
  else if (desired < 0 || !Number.isInteger(desired)) errors.desiredCount = Messages.desiredCountNegative;
  checkDeployment(v, errors);
  checkPlacement(v, ctx, errors);
  checkCapacity(v, ctx, errors);
  checkLoadBalancer(v, ctx, errors);
  checkScaling(v, errors);
  return errors;
}
