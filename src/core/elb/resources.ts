/**
 * ELBv2 operations on load balancers, target groups, listeners and rules (request and response
 * members in the SDK's PascalCase). Health check defaults and ranges: reference §7.6.
 */
import { emit, toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { defaultNetwork } from '../infra/network';
import { elbArns } from './arns';
import { ElbError, ElbEvents, ElbMessages } from './messages';
import type { ForwardActionRecord, HealthCheckRecord, ListenerRecord, RuleRecord, TargetGroupRecord } from './records';
import { elbOf } from './targets';
import { trafficChanged } from './traffic';
import { asElbRequest, checkName, optInt, optStr, optStrList, reqStr, type ElbReq } from './validate';

export const HEALTH_CHECK_DEFAULTS = { intervalSeconds: 30, healthyThresholdCount: 5, unhealthyThresholdCount: 2, timeoutHttp: 6, timeoutOther: 10 } as const;
export const DEREGISTRATION_DELAY_DEFAULT_S = 300;
export const MAX_TARGET_GROUPS_PER_ACTION = 5;

function lbShape(state: SimState, lb: ReturnType<typeof elbOf>['loadBalancers'][string]) {
  return {
    LoadBalancerArn: lb.loadBalancerArn,
    DNSName: lb.dnsName,
    CreatedTime: toDate(state, lb.createdAt),
    LoadBalancerName: lb.loadBalancerName,
    Scheme: lb.scheme,
    VpcId: lb.vpcId,
    State: { Code: lb.state },
    Type: lb.type,
    AvailabilityZones: lb.subnets.map((s) => ({ SubnetId: s, ZoneName: Object.entries(state.infra.subnets ?? {}).find(([, id]) => id === s)?.[0] })),
    IpAddressType: 'ipv4',
  };
}

export function createLoadBalancer(state: SimState, input: { Name: string; Subnets?: string[]; Type?: 'application' | 'network'; Scheme?: 'internet-facing' | 'internal' }) {
  const req = asElbRequest(input);
  const name = reqStr(req, 'Name');
  checkName(name, 'Load balancer');
  const type = (optStr(req, 'Type') ?? 'application') as 'application' | 'network';
  if (type !== 'application' && type !== 'network') throw new ElbError('ValidationError', `Load balancer type '${type}' is not supported`);
  const scheme = (optStr(req, 'Scheme') ?? 'internet-facing') as 'internet-facing' | 'internal';
  const subnets = optStrList(req, 'Subnets') ?? Object.values(defaultNetwork(state).subnets);
  const e = elbOf(state);
  const existing = Object.values(e.loadBalancers).find((l) => l.loadBalancerName === name);
  if (existing) {
    if (existing.type === type && existing.scheme === scheme) return { LoadBalancers: [lbShape(state, existing)] };
    throw new ElbError('DuplicateLoadBalancerName', ElbMessages.duplicateLoadBalancer);
  }
  const arn = elbArns.loadBalancer(state, name, type);
  e.loadBalancers[arn] = {
    loadBalancerArn: arn,
    loadBalancerName: name,
    dnsName: elbArns.dnsName(state, name, scheme),
    type,
    scheme,
    vpcId: defaultNetwork(state).vpcId,
    subnets: [...subnets],
    state: 'active',
    createdAt: state.now,
    listenerArns: [],
  };
  emit(state, 'elb.loadBalancerCreated', `Load balancer ${name} created.`, { resource: arn, data: { loadBalancerArn: arn } });
  return { LoadBalancers: [lbShape(state, e.loadBalancers[arn])] };
}

export function describeLoadBalancers(state: SimState, input: { LoadBalancerArns?: string[]; Names?: string[] } = {}) {
  const req = asElbRequest(input);
  const arnsIn = optStrList(req, 'LoadBalancerArns');
  const names = optStrList(req, 'Names');
  const all = Object.values(elbOf(state).loadBalancers);
  let out = all;
  if (arnsIn) {
    out = arnsIn.map((a) => all.find((l) => l.loadBalancerArn === a)!);
    if (out.some((l) => !l)) throw new ElbError('LoadBalancerNotFound', ElbMessages.loadBalancerNotFound);
  } else if (names) {
    out = names.map((n) => all.find((l) => l.loadBalancerName === n)!);
    if (out.some((l) => !l)) throw new ElbError('LoadBalancerNotFound', ElbMessages.loadBalancerNotFound);
  }
  return { LoadBalancers: out.map((l) => lbShape(state, l)) };
}

export function deleteLoadBalancer(state: SimState, input: { LoadBalancerArn: string }) {
  const req = asElbRequest(input);
  const arn = reqStr(req, 'LoadBalancerArn');
  const e = elbOf(state);
  const lb = e.loadBalancers[arn];
  if (!lb) return {};
  for (const l of lb.listenerArns) removeListener(state, l);
  delete e.loadBalancers[arn];
  trafficChanged(state);
  return {};
}

function healthCheckFrom(req: ElbReq, protocol: string, base?: HealthCheckRecord): HealthCheckRecord {
  const interval = optInt(req, 'HealthCheckIntervalSeconds', 5, 300);
  const timeout = optInt(req, 'HealthCheckTimeoutSeconds', 2, 120);
  const healthy = optInt(req, 'HealthyThresholdCount', 2, 10);
  const unhealthy = optInt(req, 'UnhealthyThresholdCount', 2, 10);
  const hcProtocol = (optStr(req, 'HealthCheckProtocol') ?? base?.protocol ?? protocol) as HealthCheckRecord['protocol'];
  const hc: HealthCheckRecord = {
    protocol: hcProtocol,
    port: optStr(req, 'HealthCheckPort') ?? base?.port ?? 'traffic-port',
    path: optStr(req, 'HealthCheckPath') ?? base?.path ?? '/',
    intervalSeconds: interval ?? base?.intervalSeconds ?? HEALTH_CHECK_DEFAULTS.intervalSeconds,
    timeoutSeconds: timeout ?? base?.timeoutSeconds ?? (hcProtocol === 'HTTP' ? HEALTH_CHECK_DEFAULTS.timeoutHttp : HEALTH_CHECK_DEFAULTS.timeoutOther),
    healthyThresholdCount: healthy ?? base?.healthyThresholdCount ?? HEALTH_CHECK_DEFAULTS.healthyThresholdCount,
    unhealthyThresholdCount: unhealthy ?? base?.unhealthyThresholdCount ?? HEALTH_CHECK_DEFAULTS.unhealthyThresholdCount,
    matcher: ((req.Matcher as { HttpCode?: string } | undefined)?.HttpCode ?? base?.matcher ?? '200'),
    enabled: (req.HealthCheckEnabled as boolean | undefined) ?? base?.enabled ?? true,
  };
  if (hc.timeoutSeconds >= hc.intervalSeconds) throw new ElbError('ValidationError', ElbMessages.timeoutBelowInterval);
  return hc;
}

function tgShape(state: SimState, tg: TargetGroupRecord) {
  const lbs = new Set<string>();
  const e = elbOf(state);
  for (const r of Object.values(e.rules)) {
    if (r.actions.some((a) => a.targetGroups.some((g) => g.targetGroupArn === tg.targetGroupArn))) {
      const l = e.listeners[r.listenerArn];
      if (l) lbs.add(l.loadBalancerArn);
    }
  }
  const hc = tg.healthCheck;
  return {
    TargetGroupArn: tg.targetGroupArn,
    TargetGroupName: tg.targetGroupName,
    Protocol: tg.protocol,
    Port: tg.port,
    VpcId: tg.vpcId,
    HealthCheckProtocol: hc.protocol,
    HealthCheckPort: hc.port,
    HealthCheckEnabled: hc.enabled,
    HealthCheckIntervalSeconds: hc.intervalSeconds,
    HealthCheckTimeoutSeconds: hc.timeoutSeconds,
    HealthyThresholdCount: hc.healthyThresholdCount,
    UnhealthyThresholdCount: hc.unhealthyThresholdCount,
    HealthCheckPath: hc.path,
    Matcher: { HttpCode: hc.matcher },
    LoadBalancerArns: [...lbs].sort(),
    TargetType: tg.targetType,
    IpAddressType: 'ipv4',
  };
}

export function createTargetGroup(state: SimState, input: Record<string, unknown>) {
  const req = asElbRequest(input);
  const name = reqStr(req, 'Name');
  checkName(name, 'Target group');
  const protocol = (optStr(req, 'Protocol') ?? 'HTTP') as TargetGroupRecord['protocol'];
  if (!['HTTP', 'HTTPS', 'TCP'].includes(protocol)) throw new ElbError('ValidationError', `Protocol '${protocol}' is not supported`);
  const port = optInt(req, 'Port', 1, 65535) ?? (protocol === 'HTTPS' ? 443 : 80);
  const targetType = (optStr(req, 'TargetType') ?? 'instance') as TargetGroupRecord['targetType'];
  if (targetType !== 'instance' && targetType !== 'ip') throw new ElbError('ValidationError', `Target type '${targetType}' is not supported`);
  const e = elbOf(state);
  const existing = Object.values(e.targetGroups).find((t) => t.targetGroupName === name);
  if (existing) {
    if (existing.protocol === protocol && existing.port === port && existing.targetType === targetType) return { TargetGroups: [tgShape(state, existing)] };
    throw new ElbError('DuplicateTargetGroupName', ElbMessages.duplicateTargetGroup);
  }
  const arn = elbArns.targetGroup(state, name);
  e.targetGroups[arn] = {
    targetGroupArn: arn,
    targetGroupName: name,
    protocol,
    port,
    vpcId: optStr(req, 'VpcId') ?? defaultNetwork(state).vpcId,
    targetType,
    healthCheck: healthCheckFrom(req, protocol),
    deregistrationDelaySeconds: DEREGISTRATION_DELAY_DEFAULT_S,
    createdAt: state.now,
    targets: {},
  };
  emit(state, 'elb.targetGroupCreated', `Target group ${name} created.`, { resource: arn, data: { targetGroupArn: arn } });
  return { TargetGroups: [tgShape(state, e.targetGroups[arn])] };
}

export function targetGroupOf(state: SimState, arn: string): TargetGroupRecord {
  const tg = elbOf(state).targetGroups[arn];
  if (!tg) throw new ElbError('TargetGroupNotFound', ElbMessages.targetGroupNotFound);
  return tg;
}

export function describeTargetGroups(state: SimState, input: { TargetGroupArns?: string[]; Names?: string[]; LoadBalancerArn?: string } = {}) {
  const req = asElbRequest(input);
  const arnsIn = optStrList(req, 'TargetGroupArns');
  const names = optStrList(req, 'Names');
  const lbArn = optStr(req, 'LoadBalancerArn');
  const all = Object.values(elbOf(state).targetGroups);
  let out = all;
  if (arnsIn) out = arnsIn.map((a) => targetGroupOf(state, a));
  else if (names) {
    out = names.map((n) => all.find((t) => t.targetGroupName === n)!);
    if (out.some((t) => !t)) throw new ElbError('TargetGroupNotFound', ElbMessages.targetGroupNotFound);
  }
  const shaped = out.map((t) => tgShape(state, t));
  if (lbArn) {
    if (!elbOf(state).loadBalancers[lbArn]) throw new ElbError('LoadBalancerNotFound', ElbMessages.loadBalancerNotFound);
    return { TargetGroups: shaped.filter((t) => t.LoadBalancerArns.includes(lbArn)) };
  }
  return { TargetGroups: shaped };
}

export function modifyTargetGroup(state: SimState, input: Record<string, unknown>) {
  const req = asElbRequest(input);
  const tg = targetGroupOf(state, reqStr(req, 'TargetGroupArn'));
  tg.healthCheck = healthCheckFrom(req, tg.protocol, tg.healthCheck);
  return { TargetGroups: [tgShape(state, tg)] };
}

export function deleteTargetGroup(state: SimState, input: { TargetGroupArn: string }) {
  const req = asElbRequest(input);
  const arn = reqStr(req, 'TargetGroupArn');
  const e = elbOf(state);
  if (!e.targetGroups[arn]) return {};
  if (Object.values(e.rules).some((r) => r.actions.some((a) => a.targetGroups.some((g) => g.targetGroupArn === arn)))) {
    throw new ElbError('ResourceInUse', ElbMessages.targetGroupInUse(arn));
  }
  delete e.targetGroups[arn];
  return {};
}

function attributesOf(tg: TargetGroupRecord) {
  return [
    { Key: 'deregistration_delay.timeout_seconds', Value: String(tg.deregistrationDelaySeconds) },
    { Key: 'stickiness.enabled', Value: 'false' },
    { Key: 'slow_start.duration_seconds', Value: '0' },
    { Key: 'load_balancing.algorithm.type', Value: 'round_robin' },
  ];
}

export function describeTargetGroupAttributes(state: SimState, input: { TargetGroupArn: string }) {
  const req = asElbRequest(input);
  return { Attributes: attributesOf(targetGroupOf(state, reqStr(req, 'TargetGroupArn'))) };
}

export function modifyTargetGroupAttributes(state: SimState, input: { TargetGroupArn: string; Attributes: { Key: string; Value: string }[] }) {
  const req = asElbRequest(input);
  const tg = targetGroupOf(state, reqStr(req, 'TargetGroupArn'));
  const attrs = (req.Attributes as { Key?: string; Value?: string }[] | undefined) ?? [];
  for (const a of attrs) {
    if (a.Key === 'deregistration_delay.timeout_seconds') {
      const v = Number(a.Value);
      if (!Number.isInteger(v) || v < 0 || v > 3600) throw new ElbError('ValidationError', ElbMessages.range('deregistration_delay.timeout_seconds', 0, 3600));
    } else if (!['stickiness.enabled', 'slow_start.duration_seconds', 'load_balancing.algorithm.type'].includes(String(a.Key))) {
      throw new ElbError('ValidationError', ElbMessages.attribute(String(a.Key)));
    }
  }
  for (const a of attrs) if (a.Key === 'deregistration_delay.timeout_seconds') tg.deregistrationDelaySeconds = Number(a.Value);
  return { Attributes: attributesOf(tg) };
}

/** A forward action from the request: `TargetGroupArn` or `ForwardConfig.TargetGroups` with weights. */
function forwardAction(state: SimState, raw: unknown): ForwardActionRecord {
  const a = raw as { Type?: string; TargetGroupArn?: string; ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string; Weight?: number }[] } };
  if (!a || a.Type !== 'forward') throw new ElbError('ValidationError', 'Only forward actions are simulated');
  const groups = a.ForwardConfig?.TargetGroups ?? (a.TargetGroupArn ? [{ TargetGroupArn: a.TargetGroupArn, Weight: 1 }] : []);
  if (groups.length === 0) throw new ElbError('ValidationError', ElbMessages.noTargetGroups);
  if (groups.length > MAX_TARGET_GROUPS_PER_ACTION) throw new ElbError('ValidationError', ElbMessages.tooManyTargetGroups);
  return {
    type: 'forward',
    targetGroups: groups.map((g) => {
      const weight = g.Weight ?? 1;
      if (!Number.isInteger(weight) || weight < 0 || weight > 999) throw new ElbError('ValidationError', ElbMessages.weightRange);
      targetGroupOf(state, String(g.TargetGroupArn));
      return { targetGroupArn: String(g.TargetGroupArn), weight };
    }),
  };
}

function actionsFrom(state: SimState, req: ElbReq, member: string): ForwardActionRecord[] {
  const raw = req[member];
  if (!Array.isArray(raw) || raw.length === 0) throw new ElbError('ValidationError', ElbMessages.missing(member));
  return [forwardAction(state, raw[0])];
}

function actionShape(a: ForwardActionRecord) {
  const out: Record<string, unknown> = {
    Type: 'forward',
    ForwardConfig: { TargetGroups: a.targetGroups.map((g) => ({ TargetGroupArn: g.targetGroupArn, Weight: g.weight })) },
  };
  if (a.targetGroups.length === 1) out.TargetGroupArn = a.targetGroups[0].targetGroupArn;
  return out;
}

function listenerShape(state: SimState, l: ListenerRecord) {
  const def = elbOf(state).rules[l.ruleArns[0]];
  return { ListenerArn: l.listenerArn, LoadBalancerArn: l.loadBalancerArn, Port: l.port, Protocol: l.protocol, DefaultActions: def ? def.actions.map(actionShape) : [] };
}

function ruleShape(r: RuleRecord) {
  return {
    RuleArn: r.ruleArn,
    Priority: r.priority,
    Conditions: r.conditions.map((c) => ({ Field: c.field, Values: [...c.values] })),
    Actions: r.actions.map(actionShape),
    IsDefault: r.priority === 'default',
  };
}

export function createListener(state: SimState, input: Record<string, unknown>) {
  const req = asElbRequest(input);
  const e = elbOf(state);
  const lb = e.loadBalancers[reqStr(req, 'LoadBalancerArn')];
  if (!lb) throw new ElbError('LoadBalancerNotFound', ElbMessages.loadBalancerNotFound);
  const port = optInt(req, 'Port', 1, 65535) ?? 80;
  const protocol = (optStr(req, 'Protocol') ?? (lb.type === 'network' ? 'TCP' : 'HTTP')) as ListenerRecord['protocol'];
  if (lb.listenerArns.some((a) => e.listeners[a]?.port === port)) throw new ElbError('DuplicateListener', ElbMessages.duplicateListener);
  const actions = actionsFrom(state, req, 'DefaultActions');
  const arn = elbArns.listener(state, lb.loadBalancerArn);
  const ruleArn = elbArns.rule(state, arn);
  e.rules[ruleArn] = { ruleArn, listenerArn: arn, priority: 'default', conditions: [], actions };
  e.listeners[arn] = { listenerArn: arn, loadBalancerArn: lb.loadBalancerArn, port, protocol, ruleArns: [ruleArn] };
  lb.listenerArns.push(arn);
  trafficChanged(state);
  return { Listeners: [listenerShape(state, e.listeners[arn])] };
}

function listenerOf(state: SimState, arn: string): ListenerRecord {
  const l = elbOf(state).listeners[arn];
  if (!l) throw new ElbError('ListenerNotFound', ElbMessages.listenerNotFound);
  return l;
}

export function describeListeners(state: SimState, input: { LoadBalancerArn?: string; ListenerArns?: string[] } = {}) {
  const req = asElbRequest(input);
  const lbArn = optStr(req, 'LoadBalancerArn');
  const arnsIn = optStrList(req, 'ListenerArns');
  if (arnsIn) return { Listeners: arnsIn.map((a) => listenerShape(state, listenerOf(state, a))) };
  const lb = lbArn ? elbOf(state).loadBalancers[lbArn] : undefined;
  if (lbArn && !lb) throw new ElbError('LoadBalancerNotFound', ElbMessages.loadBalancerNotFound);
  const all = Object.values(elbOf(state).listeners).filter((l) => !lbArn || l.loadBalancerArn === lbArn);
  return { Listeners: all.map((l) => listenerShape(state, l)) };
}

function logWeights(state: SimState, r: RuleRecord): void {
  const text = r.actions[0].targetGroups.map((g) => `${g.weight} → ${g.targetGroupArn.split(':targetgroup/')[1]?.split('/')[0]}`).join(', ');
  emit(state, 'elb.ruleWeights', ElbEvents.weights(r.ruleArn, text), {
    resource: r.ruleArn,
    data: { ruleArn: r.ruleArn, weights: r.actions[0].targetGroups.map((g) => ({ targetGroupArn: g.targetGroupArn, weight: g.weight })) },
  });
}

export function modifyListener(state: SimState, input: Record<string, unknown>) {
  const req = asElbRequest(input);
  const l = listenerOf(state, reqStr(req, 'ListenerArn'));
  const e = elbOf(state);
  if (req.DefaultActions !== undefined) {
    const rule = e.rules[l.ruleArns[0]];
    rule.actions = actionsFrom(state, req, 'DefaultActions');
    logWeights(state, rule);
  }
  const port = optInt(req, 'Port', 1, 65535);
  if (port !== undefined) l.port = port;
  trafficChanged(state);
  return { Listeners: [listenerShape(state, l)] };
}

function removeListener(state: SimState, arn: string): void {
  const e = elbOf(state);
  const l = e.listeners[arn];
  if (!l) return;
  for (const r of l.ruleArns) delete e.rules[r];
  delete e.listeners[arn];
  const lb = e.loadBalancers[l.loadBalancerArn];
  if (lb) lb.listenerArns = lb.listenerArns.filter((a) => a !== arn);
  delete e.traffic.ratePerListener[arn];
}

export function deleteListener(state: SimState, input: { ListenerArn: string }) {
  const req = asElbRequest(input);
  listenerOf(state, reqStr(req, 'ListenerArn'));
  removeListener(state, String(req.ListenerArn));
  trafficChanged(state);
  return {};
}

export function createRule(state: SimState, input: Record<string, unknown>) {
  const req = asElbRequest(input);
  const l = listenerOf(state, reqStr(req, 'ListenerArn'));
  const priority = optInt(req, 'Priority', 1, 50000);
  if (priority === undefined) throw new ElbError('ValidationError', ElbMessages.missing('Priority'));
  const e = elbOf(state);
  if (l.ruleArns.some((a) => e.rules[a]?.priority === String(priority))) throw new ElbError('PriorityInUse', ElbMessages.priorityInUse(priority));
  const conditions = ((req.Conditions as { Field?: string; Values?: string[] }[] | undefined) ?? []).map((c) => ({ field: String(c.Field), values: [...(c.Values ?? [])] }));
  const arn = elbArns.rule(state, l.listenerArn);
  e.rules[arn] = { ruleArn: arn, listenerArn: l.listenerArn, priority: String(priority), conditions, actions: actionsFrom(state, req, 'Actions') };
  l.ruleArns.push(arn);
  trafficChanged(state);
  return { Rules: [ruleShape(e.rules[arn])] };
}

export function ruleOf(state: SimState, arn: string): RuleRecord {
  const r = elbOf(state).rules[arn];
  if (!r) throw new ElbError('RuleNotFound', ElbMessages.ruleNotFound);
  return r;
}

export function describeRules(state: SimState, input: { ListenerArn?: string; RuleArns?: string[] } = {}) {
  const req = asElbRequest(input);
  const arnsIn = optStrList(req, 'RuleArns');
  if (arnsIn) return { Rules: arnsIn.map((a) => ruleShape(ruleOf(state, a))) };
  const l = listenerOf(state, reqStr(req, 'ListenerArn'));
  return { Rules: l.ruleArns.map((a) => ruleShape(elbOf(state).rules[a])) };
}

export function modifyRule(state: SimState, input: Record<string, unknown>) {
  const req = asElbRequest(input);
  const r = ruleOf(state, reqStr(req, 'RuleArn'));
  if (req.Actions !== undefined) r.actions = actionsFrom(state, req, 'Actions');
  if (req.Conditions !== undefined) r.conditions = ((req.Conditions as { Field?: string; Values?: string[] }[]) ?? []).map((c) => ({ field: String(c.Field), values: [...(c.Values ?? [])] }));
  logWeights(state, r);
  trafficChanged(state);
  return { Rules: [ruleShape(r)] };
}

export function deleteRule(state: SimState, input: { RuleArn: string }) {
  const req = asElbRequest(input);
  const r = ruleOf(state, reqStr(req, 'RuleArn'));
  if (r.priority === 'default') throw new ElbError('ValidationError', 'Default rules cannot be deleted');
  const l = elbOf(state).listeners[r.listenerArn];
  if (l) l.ruleArns = l.ruleArns.filter((a) => a !== r.ruleArn);
  delete elbOf(state).rules[r.ruleArn];
  trafficChanged(state);
  return {};
}

/** Sets the weights of a rule's forward action (ECS's traffic shifts; also logged). */
export function setRuleWeights(state: SimState, ruleArn: string, weights: Record<string, number>): void {
  const r = elbOf(state).rules[ruleArn];
  if (!r) return;
  const groups = r.actions[0].targetGroups;
  let changed = false;
  for (const g of groups) {
    const w = weights[g.targetGroupArn];
    if (w !== undefined && w !== g.weight) {
      g.weight = w;
      changed = true;
    }
  }
  for (const [arn, w] of Object.entries(weights)) {
    if (!groups.some((g) => g.targetGroupArn === arn)) {
      groups.push({ targetGroupArn: arn, weight: w });
      changed = true;
    }
  }
  if (!changed) return;
  logWeights(state, r);
  trafficChanged(state);
}
