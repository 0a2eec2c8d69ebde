import { describe, expect, it } from 'vitest';
import { PREDEFINED_ECS_CONFIGS, resolveConfig, trafficAt, trafficSchedule } from './configs';

const minutes = (name: string, upTo: number) => Array.from({ length: upTo + 1 }, (_, m) => trafficAt(PREDEFINED_ECS_CONFIGS[name], m));

describe('CodeDeploy ECS deployment configurations: production traffic on the replacement at each minute', () => {
  it('CodeDeployDefault.ECSAllAtOnce shifts 100 % at once', () => {
    expect(minutes('CodeDeployDefault.ECSAllAtOnce', 3)).toEqual([100, 100, 100, 100]);
  });

  it('CodeDeployDefault.ECSLinear10PercentEvery1Minutes adds 10 % every minute (10 steps)', () => {
    expect(minutes('CodeDeployDefault.ECSLinear10PercentEvery1Minutes', 10)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]);
    expect(trafficSchedule(PREDEFINED_ECS_CONFIGS['CodeDeployDefault.ECSLinear10PercentEvery1Minutes'])).toHaveLength(10);
  });

  it('CodeDeployDefault.ECSLinear10PercentEvery3Minutes adds 10 % every 3 minutes', () => {
    expect(minutes('CodeDeployDefault.ECSLinear10PercentEvery3Minutes', 9)).toEqual([10, 10, 10, 20, 20, 20, 30, 30, 30, 40]);
    expect(trafficSchedule(PREDEFINED_ECS_CONFIGS['CodeDeployDefault.ECSLinear10PercentEvery3Minutes']).at(-1)).toEqual([27, 100]);
  });

  it('CodeDeployDefault.ECSCanary10Percent5Minutes: 10 %, the remaining 90 % after 5 minutes', () => {
    expect(minutes('CodeDeployDefault.ECSCanary10Percent5Minutes', 6)).toEqual([10, 10, 10, 10, 10, 100, 100]);
  });

  it('CodeDeployDefault.ECSCanary10Percent15Minutes: 10 %, the remaining 90 % after 15 minutes', () => {
    const m = minutes('CodeDeployDefault.ECSCanary10Percent15Minutes', 15);
    expect(m.slice(0, 15).every((p) => p === 10)).toBe(true);
    expect(m[15]).toBe(100);
  });

  it('custom TimeBasedLinear 30 % every 2 minutes ends with a partial step to 100 %', () => {
    const c = resolveConfig({ type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 30, linearInterval: 2 } });
    expect(trafficSchedule(c)).toEqual([[0, 30], [2, 60], [4, 90], [6, 100]]);
  });

  it('unknown names and out-of-range custom values are refused', () => {
    expect(() => resolveConfig('CodeDeployDefault.ECSLinear5Percent')).toThrow('No deployment configuration found for name: CodeDeployDefault.ECSLinear5Percent');
    expect(() => resolveConfig({ type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 100, canaryInterval: 5 } })).toThrow('The percentage must be between 1 and 99.');
  });
});
