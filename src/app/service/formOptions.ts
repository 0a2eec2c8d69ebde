/**
 * What the service forms offer to pick from, read from the simulation: the cluster's capacity
 * providers, the load balancer model's target groups and listener rules, and the chosen task
 * definition's containers and ports. Also the service as it stands, as form values (update form),
 * and the Application Auto Scaling calls and CLI commands of the auto scaling section.
 */
import type { Service } from '@aws-sdk/client-ecs';
import type { SimState } from '../../core';
import { findTaskDefinition } from '../../core';
import { shellQuote } from '../shell-quote';
import { defaultServiceForm, type ServiceFormValues } from './serviceRequest';

export interface TargetGroupOption {
  arn: string;
  name: string;
  /** the load balancer that forwards to it, when one does */
  loadBalancerArn?: string;
}

export interface RuleOption {
  arn: string;
  /** e.g. `web-alb :80 default` */
  label: string;
}

export interface FormOptions {
  capacityProviders: string[];
  targetGroups: TargetGroupOption[];
  rules: RuleOption[];
  containers: { name: string; ports: number[] }[];
  networkMode: string;
  taskDefinitionConstraints: unknown[];
}

export function formOptions(state: SimState, cluster: string, taskDefinition: string | undefined): FormOptions {
  const c = Object.values(state.clusters).find((x) => x.clusterName === cluster && x.status === 'ACTIVE');
  const elb = state.elb;
  const targetGroups: TargetGroupOption[] = [];
  const rules: RuleOption[] = [];
  if (elb) {
    for (const rule of Object.values(elb.rules)) {
      const listener = elb.listeners[rule.listenerArn];
      const lb = listener ? elb.loadBalancers[listener.loadBalancerArn] : undefined;
      rules.push({ arn: rule.ruleArn, label: `${lb?.loadBalancerName ?? '?'} :${listener?.port ?? '?'} ${rule.priority}` });
    }
    for (const tg of Object.values(elb.targetGroups)) {
      const rule = Object.values(elb.rules).find((r) => r.actions.some((a) => a.targetGroups.some((g) => g.targetGroupArn === tg.targetGroupArn)));
      const listener = rule ? elb.listeners[rule.listenerArn] : undefined;
      targetGroups.push({ arn: tg.targetGroupArn, name: tg.targetGroupName, loadBalancerArn: listener?.loadBalancerArn });
    }
  }
  const td = taskDefinition ? findTaskDefinition(state, taskDefinition) : undefined;
  const containers = (td?.body.containerDefinitions ?? []).map((cd) => ({
    name: cd.name ?? '',
    ports: (cd.portMappings ?? []).map((p) => p.containerPort).filter((p): p is number => typeof p === 'number'),
  }));
  return {
    capacityProviders: [...(c?.capacityProviders ?? [])],
    targetGroups,
    rules,
    containers,
    networkMode: td?.body.networkMode ?? 'bridge',
    taskDefinitionConstraints: [...(td?.body.placementConstraints ?? [])],
  };
}

const revisionOf = (arn: string | undefined) => (arn ? arn.slice(arn.lastIndexOf('/') + 1) : '');

/** The service as it is, as form values: what the update form starts from and compares with. */
export interface CurrentScaling {
  min: number;
  max: number;
  policy?: { name: string; metric: ServiceFormValues['scalingMetric']; targetValue: number };
}

export function valuesFromService(s: Service, scaling?: CurrentScaling): ServiceFormValues {
  const v = defaultServiceForm();
  const dc = s.deploymentConfiguration ?? {};
  const lb = s.loadBalancers?.[0];
  v.serviceName = s.serviceName ?? '';
  v.taskDefinition = revisionOf(s.taskDefinition);
  v.desiredCount = s.desiredCount ?? 0;
  v.launchMode = s.capacityProviderStrategy?.length ? 'capacityProviders' : 'launchType';
  v.launchType = s.launchType === 'EC2' ? 'EC2' : 'FARGATE';
  v.providers = (s.capacityProviderStrategy ?? []).map((p) => ({ capacityProvider: p.capacityProvider ?? '', base: p.base ?? 0, weight: p.weight ?? 0 }));
  v.strategy = (dc.strategy as ServiceFormValues['strategy'] | undefined) ?? 'ROLLING';
  v.minimumHealthyPercent = dc.minimumHealthyPercent ?? 100;
  v.maximumPercent = dc.maximumPercent ?? 200;
  v.circuitBreaker = dc.deploymentCircuitBreaker?.enable ?? false;
  v.rollback = dc.deploymentCircuitBreaker?.rollback ?? false;
  v.bakeTimeInMinutes = dc.bakeTimeInMinutes ?? v.bakeTimeInMinutes;
  v.stepPercent = dc.linearConfiguration?.stepPercent ?? v.stepPercent;
  v.stepBakeTimeInMinutes = dc.linearConfiguration?.stepBakeTimeInMinutes ?? v.stepBakeTimeInMinutes;
  v.canaryPercent = dc.canaryConfiguration?.canaryPercent ?? v.canaryPercent;
  v.canaryBakeTimeInMinutes = dc.canaryConfiguration?.canaryBakeTimeInMinutes ?? v.canaryBakeTimeInMinutes;
  v.hooks = (dc.lifecycleHooks ?? []).map((h) => ({
    targetType: h.targetType === 'PAUSE' ? 'PAUSE' : 'AWS_LAMBDA',
    stage: (h.lifecycleStages?.[0] ?? 'POST_SCALE_UP') as ServiceFormValues['hooks'][number]['stage'],
    hookTargetArn: h.hookTargetArn ?? '',
    roleArn: h.roleArn ?? '',
  }));
  v.placementStrategy = (s.placementStrategy ?? []).map((p) => ({ type: p.type ?? 'random', field: p.field ?? '' }));
  v.placementConstraints = (s.placementConstraints ?? []).map((p) => ({ type: p.type ?? 'distinctInstance', expression: p.expression ?? '' }));
  v.loadBalancer = lb !== undefined;
  v.targetGroupArn = lb?.targetGroupArn ?? '';
  v.containerName = lb?.containerName ?? '';
  v.containerPort = lb?.containerPort ?? 80;
  v.alternateTargetGroupArn = lb?.advancedConfiguration?.alternateTargetGroupArn ?? '';
  v.productionListenerRule = lb?.advancedConfiguration?.productionListenerRule ?? '';
  v.testListenerRule = lb?.advancedConfiguration?.testListenerRule ?? '';
  v.lbRoleArn = lb?.advancedConfiguration?.roleArn ?? '';
  v.autoScaling = scaling !== undefined;
  if (scaling) {
    v.minCapacity = scaling.min;
    v.maxCapacity = scaling.max;
    if (scaling.policy) {
      v.policyName = scaling.policy.name;
      v.scalingMetric = scaling.policy.metric;
      v.targetValue = scaling.policy.targetValue;
    }
  }
  return v;
}

export const NAMESPACE = 'ecs';
export const DIMENSION = 'ecs:service:DesiredCount';

/** The service's scalable target and its first target tracking policy, through the Application Auto Scaling reads. */
export function currentScaling(
  aas: {
    describeScalableTargets(input: unknown): { ScalableTargets: { MinCapacity: number; MaxCapacity: number }[] };
    describeScalingPolicies(input: unknown): {
      ScalingPolicies: { PolicyName: string; PolicyType: string; TargetTrackingScalingPolicyConfiguration?: { TargetValue: number; PredefinedMetricSpecification: { PredefinedMetricType: string } } }[];
    };
  },
  cluster: string,
  service: string,
): CurrentScaling | undefined {
  const ResourceIds = [`service/${cluster}/${service}`];
  const target = aas.describeScalableTargets({ ServiceNamespace: NAMESPACE, ResourceIds }).ScalableTargets[0];
  if (!target) return undefined;
  const p = aas
    .describeScalingPolicies({ ServiceNamespace: NAMESPACE, ResourceId: ResourceIds[0] })
    .ScalingPolicies.find((x) => x.PolicyType === 'TargetTrackingScaling' && x.TargetTrackingScalingPolicyConfiguration);
  const tt = p?.TargetTrackingScalingPolicyConfiguration;
  return {
    min: target.MinCapacity,
    max: target.MaxCapacity,
    policy: p && tt ? { name: p.PolicyName, metric: tt.PredefinedMetricSpecification.PredefinedMetricType as ServiceFormValues['scalingMetric'], targetValue: tt.TargetValue } : undefined,
  };
}

/** `app/<lb>/<id>/targetgroup/<tg>/<id>`, the ResourceLabel of ALBRequestCountPerTarget. */
export function resourceLabel(loadBalancerArn: string | undefined, targetGroupArn: string): string | undefined {
  if (!loadBalancerArn) return undefined;
  const lb = loadBalancerArn.slice(loadBalancerArn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
  const tg = targetGroupArn.slice(targetGroupArn.indexOf(':targetgroup/') + 1);
  return `${lb}/${tg}`;
}

/** RegisterScalableTarget and PutScalingPolicy (target tracking) for the service, as requests. */
export function scalingRequests(v: ServiceFormValues, cluster: string, service: string, label?: string) {
  const ResourceId = `service/${cluster}/${service}`;
  const register = { ServiceNamespace: NAMESPACE, ScalableDimension: DIMENSION, ResourceId, MinCapacity: v.minCapacity ?? 0, MaxCapacity: v.maxCapacity ?? 0 };
  const config = {
    TargetValue: v.targetValue ?? 0,
    PredefinedMetricSpecification: {
      PredefinedMetricType: v.scalingMetric,
      ...(v.scalingMetric === 'ALBRequestCountPerTarget' && label ? { ResourceLabel: label } : {}),
    },
  };
  const policy = {
    PolicyName: v.policyName,
    ServiceNamespace: NAMESPACE,
    ScalableDimension: DIMENSION,
    ResourceId,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: config,
  };
  return { register, policy };
}

/** The `aws application-autoscaling` commands for the same two calls. */
export function scalingCli(requests: ReturnType<typeof scalingRequests>): string[] {
  const { register, policy } = requests;
  const common = `--service-namespace ${NAMESPACE} --scalable-dimension ${DIMENSION} --resource-id ${shellQuote(register.ResourceId)}`;
  return [
    `aws application-autoscaling register-scalable-target ${common} --min-capacity ${register.MinCapacity} --max-capacity ${register.MaxCapacity}`,
    `aws application-autoscaling put-scaling-policy ${common} --policy-name ${shellQuote(policy.PolicyName)} --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ${shellQuote(JSON.stringify(policy.TargetTrackingScalingPolicyConfiguration))}`,
  ];
}
