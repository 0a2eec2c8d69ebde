/**
 * UI text of the Cost tab, in English and Korean. Read through the app's I18n locale; same rules as
 * ../messages.ts (placeholders are filled as text, never as HTML).
 */
import { format, type Locale } from '../messages';

const en = {
  'cost.tab': 'Cost',
  'cost.heading': 'Cost meter',
  'cost.perHour': 'Cost per hour now',
  'cost.soFar': 'Cost so far',
  'cost.total': 'Total',
  'cost.byCluster': 'By cluster',
  'cost.byService': 'By service (Fargate tasks)',
  'cost.byProvider': 'By capacity provider',
  'cost.name': 'Name',
  'cost.hourColumn': 'USD per hour',
  'cost.soFarColumn': 'USD so far',
  'cost.prices': 'Prices: {region}, Linux On-Demand ({asOf}). Fargate Spot at 30 % of On-Demand. Nothing is charged: this is a simulation.',
  'cost.empty': 'Nothing is billed yet. Fargate tasks cost from their image pull until they stop; EC2 instances cost while they run (the tasks on them add nothing). Run a task or launch an instance and watch the meter.',
  'cost.note': 'EC2 tasks ride on their instance, so services only show Fargate spend.',
  'cost.plot': 'Cost per hour over virtual time',
  'cost.plotSummary': 'Now {total} per hour: EC2 {ec2}, Fargate {fargate}, Fargate Spot {spot}.',
  'cost.ec2': 'EC2',
  'cost.fargate': 'Fargate',
  'cost.spot': 'Fargate Spot',
  'cost.perHourAxis': 'USD/h',
} as const;

export type CostMessageKey = keyof typeof en;

const ko: Record<CostMessageKey, string> = {
  'cost.tab': '비용',
  'cost.heading': '비용 미터',
  'cost.perHour': '현재 시간당 비용',
  'cost.soFar': '지금까지의 비용',
  'cost.total': '합계',
  'cost.byCluster': '클러스터별',
  'cost.byService': '서비스별 (Fargate task)',
  'cost.byProvider': '용량 공급자(capacity provider)별',
  'cost.name': '이름',
  'cost.hourColumn': '시간당 USD',
  'cost.soFarColumn': '누적 USD',
  'cost.prices': '가격: {region}, Linux 온디맨드 ({asOf}). Fargate Spot은 온디맨드의 30 %. 실제로 청구되지 않습니다. 시뮬레이션입니다.',
  'cost.empty': '아직 청구되는 것이 없습니다. Fargate task는 이미지 pull 시작부터 중지될 때까지, EC2 인스턴스는 실행되는 동안 비용이 듭니다(그 위의 task는 추가 비용 없음). task를 실행하거나 인스턴스를 시작하고 미터를 지켜보세요.',
  'cost.note': 'EC2 task는 인스턴스 비용에 포함되므로 서비스별 비용은 Fargate 비용만 보여줍니다.',
  'cost.plot': '가상 시간에 따른 시간당 비용',
  'cost.plotSummary': '현재 시간당 {total}: EC2 {ec2}, Fargate {fargate}, Fargate Spot {spot}.',
  'cost.ec2': 'EC2',
  'cost.fargate': 'Fargate',
  'cost.spot': 'Fargate Spot',
  'cost.perHourAxis': 'USD/시간',
};

export const costCatalogues: Record<Locale, Record<CostMessageKey, string>> = { en, ko };

/** A translator for Cost tab text in the current locale. */
export function costText(locale: () => Locale) {
  return (key: CostMessageKey, params?: Record<string, string | number>): string => format(costCatalogues[locale()][key], params);
}
