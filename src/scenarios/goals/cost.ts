/** The cost goal, read from the core's cost meter (prices and billing rules live there). */
import { costReport, type Simulation } from '../../core/index';
import type { Goal } from '../types';
import type { Verdict } from './verdict';

type G<T extends Goal['type']> = Extract<Goal, { type: T }>;

const usd = (n: number) => `$${n.toFixed(4)}`;

export function costPerHour(sim: Simulation, g: G<'costPerHour'>): Verdict {
  const report = costReport(sim.state);
  let figure = report.total.usdPerHour;
  let scope = 'everything';
  let scopeKo = '전체';
  if (g.service !== undefined) {
    figure = report.byService[`${g.cluster ?? ''}/${g.service}`]?.usdPerHour ?? 0;
    scope = scopeKo = `service ${g.service}`;
  } else if (g.capacityProvider !== undefined) {
    figure = report.byCapacityProvider[g.capacityProvider]?.usdPerHour ?? 0;
    scope = scopeKo = `capacity provider ${g.capacityProvider}`;
  } else if (g.cluster !== undefined) {
    figure = report.byCluster[g.cluster]?.usdPerHour ?? 0;
    scope = scopeKo = `cluster ${g.cluster}`;
  }
  return {
    pass: figure < g.below,
    evidence: `Cost of ${scope} now: ${usd(figure)} per hour; wanted below ${usd(g.below)}.`,
    evidenceKo: `${scopeKo}의 현재 비용: 시간당 ${usd(figure)}. 목표: ${usd(g.below)} 미만.`,
  };
}
