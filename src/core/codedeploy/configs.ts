/**
 * CodeDeploy deployment configurations for Amazon ECS (reference §9.2): the five predefined ones and
 * custom TimeBasedCanary / TimeBasedLinear / AllAtOnce traffic routing, and the production traffic on
 * the replacement task set at each minute after AllowTraffic begins. This is the traffic arithmetic
 * the CodeDeploy facade will drive (docs/blue-green.md lists what is still missing).
 */

export type TrafficRoutingConfig =
  | { type: 'AllAtOnce' }
  | { type: 'TimeBasedCanary'; timeBasedCanary: { canaryPercentage: number; canaryInterval: number } }
  | { type: 'TimeBasedLinear'; timeBasedLinear: { linearPercentage: number; linearInterval: number } };

export const PREDEFINED_ECS_CONFIGS: Readonly<Record<string, TrafficRoutingConfig>> = {
  'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce' },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: 1 } },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: 3 } },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 15 } },
};

export const CodeDeployConfigMessages = {
  unknownConfig: (name: string) => `No deployment configuration found for name: ${name}`,
  percentage: 'The percentage must be between 1 and 99.',
  interval: 'The interval must be a positive number of minutes.',
} as const;

export class CodeDeployConfigError extends Error {
  override readonly name = 'InvalidDeploymentConfigNameException';
}

/** A configuration by name, or a custom routing checked for its ranges. */
export function resolveConfig(nameOrCustom: string | TrafficRoutingConfig): TrafficRoutingConfig {
  if (typeof nameOrCustom === 'string') {
    const c = PREDEFINED_ECS_CONFIGS[nameOrCustom];
    if (!c) throw new CodeDeployConfigError(CodeDeployConfigMessages.unknownConfig(nameOrCustom));
    return c;
  }
  const c = nameOrCustom;
  const check = (pct: number, interval: number) => {
    if (!Number.isInteger(pct) || pct < 1 || pct > 99) throw new RangeError(CodeDeployConfigMessages.percentage);
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(CodeDeployConfigMessages.interval);
  };
  if (c.type === 'TimeBasedCanary') check(c.timeBasedCanary.canaryPercentage, c.timeBasedCanary.canaryInterval);
  if (c.type === 'TimeBasedLinear') check(c.timeBasedLinear.linearPercentage, c.timeBasedLinear.linearInterval);
  return c;
}

/** Percent of production traffic on the replacement task set `minutes` after AllowTraffic began. */
export function trafficAt(c: TrafficRoutingConfig, minutes: number): number {
  if (minutes < 0) return 0;
  if (c.type === 'AllAtOnce') return 100;
  if (c.type === 'TimeBasedCanary') return minutes < c.timeBasedCanary.canaryInterval ? c.timeBasedCanary.canaryPercentage : 100;
  const { linearPercentage, linearInterval } = c.timeBasedLinear;
  return Math.min(100, linearPercentage * (Math.floor(minutes / linearInterval) + 1));
}

/** Every shift: [minute, percent] from the first until 100 %. */
export function trafficSchedule(c: TrafficRoutingConfig): [number, number][] {
  if (c.type === 'AllAtOnce') return [[0, 100]];
  if (c.type === 'TimeBasedCanary') return [[0, c.timeBasedCanary.canaryPercentage], [c.timeBasedCanary.canaryInterval, 100]];
  const out: [number, number][] = [];
  for (let step = 0; ; step++) {
    const pct = trafficAt(c, step * c.timeBasedLinear.linearInterval);
    out.push([step * c.timeBasedLinear.linearInterval, pct]);
    if (pct >= 100) return out;
  }
}
