/**
 * UI text of the explorer tree, in English and Korean. Read through the app's I18n
 * locale; same rules as ../messages.ts (placeholders are filled as text, never as HTML). ECS terms and
 * status strings stay as ECS names them.
 */
import { format, type Locale } from '../messages';

const en = {
  'explorer.label': 'Explorer',
  'explorer.tree': 'Clusters, task definitions and what runs in them',
  'explorer.services': 'Services',
  'explorer.standalone': 'Standalone tasks',
  'explorer.instances': 'Container instances',
  'explorer.providers': 'Capacity providers',
  'explorer.families': 'Task definitions',
  'explorer.clusterFacts': 'services: {services} · running: {running} · pending: {pending} · instances: {instances}',
  'explorer.serviceFacts': '{running}/{desired} running',
  'explorer.instanceFacts': '{type} · running tasks: {running}',
  'explorer.instancesFacts': 'DRAINING: {draining} · agent disconnected: {disconnected}',
  'explorer.familyFacts': 'ACTIVE: {active} · latest: {latest}',
  'explorer.disconnected': 'agent disconnected',
  'explorer.more': 'Show {count} more',
  'explorer.moreLabel': 'Show {count} more of {group}',
  'explorer.emptyServices': 'No services yet. Create one in the Services tab: it keeps the desired count of tasks running.',
  'explorer.emptyInstances': 'No container instances. Launch EC2 instances from the map, or run tasks on Fargate.',
  'explorer.emptyFamilies': 'No task definitions yet. Write one in the Task definition tab and press Register.',
  'explorer.hint': 'Arrow keys move, Enter opens.',
} as const;

export type ExplorerMessageKey = keyof typeof en;

const ko: Record<ExplorerMessageKey, string> = {
  'explorer.label': '탐색기',
  'explorer.tree': '클러스터, task definition, 그리고 그 안에서 실행되는 것',
  'explorer.services': 'Services',
  'explorer.standalone': '독립 실행 task',
  'explorer.instances': '컨테이너 인스턴스',
  'explorer.providers': '용량 공급자(capacity provider)',
  'explorer.families': 'Task definitions',
  'explorer.clusterFacts': '서비스 {services}개 · 실행 중 {running} · 대기 {pending} · 인스턴스 {instances}개',
  'explorer.serviceFacts': '{running}/{desired} 실행 중',
  'explorer.instanceFacts': '{type} · 실행 중인 task {running}개',
  'explorer.instancesFacts': 'DRAINING {draining} · 에이전트 연결 끊김 {disconnected}',
  'explorer.familyFacts': 'ACTIVE {active} · 최신 {latest}',
  'explorer.disconnected': '에이전트 연결 끊김',
  'explorer.more': '{count}개 더 보기',
  'explorer.moreLabel': '{group} {count}개 더 보기',
  'explorer.emptyServices': '아직 서비스가 없습니다. Services 탭에서 만드세요. 서비스는 원하는 수(desired count)의 task를 계속 실행합니다.',
  'explorer.emptyInstances': '컨테이너 인스턴스가 없습니다. 지도에서 EC2 인스턴스를 시작하거나 Fargate로 task를 실행하세요.',
  'explorer.emptyFamilies': '아직 task definition이 없습니다. Task definition 탭에서 작성하고 Register를 누르세요.',
  'explorer.hint': '화살표 키로 이동하고 Enter로 엽니다.',
};

export const explorerCatalogues: Record<Locale, Record<ExplorerMessageKey, string>> = { en, ko };

/** A translator for explorer text in the current locale. */
export function explorerText(locale: () => Locale) {
  return (key: ExplorerMessageKey, params?: Record<string, string | number>): string => format(explorerCatalogues[locale()][key], params);
}
