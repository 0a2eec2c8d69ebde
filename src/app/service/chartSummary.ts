/** The service chart's text alternative: what the latest sample says, in the current language. */
import type { ServiceMessageKey } from './messages';
import type { ServiceSample } from './serviceSample';

type Text = (key: ServiceMessageKey, params?: Record<string, string | number>) => string;

export function chartSummary(s: ServiceSample, service: string, t: Text, formatTime: (ms: number) => string): string {
  const head = t('chart.summary', { service, time: formatTime(s.t), desired: s.desired, running: s.running, pending: s.pending, lower: s.lower, upper: s.upper });
  const revisions = s.revisions.map(
    (r) =>
      t('chart.summaryRevision', { revision: r.label, status: r.status, desired: r.desired, running: r.running, pending: r.pending, healthy: r.healthy }) +
      (r.traffic !== undefined ? t('chart.summaryTraffic', { traffic: r.traffic }) : ''),
  );
  const parts = [head, revisions.join('; ') + (revisions.length ? '.' : '')];
  if (s.threshold !== undefined) parts.push(t('chart.summaryBreaker', { failed: s.failed, threshold: s.threshold }));
  return parts.filter(Boolean).join(' ');
}
