/**
 * UI text of the cluster map's toolbar (group by, filters) and its hover details, in English and
 * Korean. Read through the app's I18n locale; same rules as ../messages.ts: placeholders are filled
 * as text, never as HTML. ECS names (service, lastStatus values, AZ names) stay as ECS writes them.
 */
import { format, type Locale } from '../messages';

const en = {
  'mapView.toolbar': 'Map view',
  'mapView.groupBy': 'Group by',
  'mapView.groupBy.az': 'Availability Zone',
  'mapView.groupBy.service': 'Service',
  'mapView.groupBy.instanceType': 'Instance type',
  'mapView.service': 'Service',
  'mapView.status': 'Status',
  'mapView.az': 'AZ',
  'mapView.all': 'All ({count})',
  'mapView.option': '{value} ({count})',
  'mapView.clear': 'Clear filters',
  'mapView.matching': '{matching} of {total} tasks match',
  'mapView.noMatch': 'No task matches {filters}. Pick another value above or clear the filters.',
  'mapView.idle': 'Instances without tasks',
  'mapView.portsInUse': 'ports in use {ports}',
  'mapView.enis': 'ENIs {used} of {total} in use',
  'mapView.taskEni': 'own ENI (awsvpc)',
  'mapView.canvasNote': '{tasks} tasks are painted as one picture: select an instance card (Tab, Enter) or a task in the Tasks panel to see it in detail.',
} as const;

export type MapViewMessageKey = keyof typeof en;

const ko: Record<MapViewMessageKey, string> = {
  'mapView.toolbar': '맵 보기',
  'mapView.groupBy': '묶는 기준',
  'mapView.groupBy.az': '가용 영역(AZ)',
  'mapView.groupBy.service': '서비스',
  'mapView.groupBy.instanceType': '인스턴스 유형',
  'mapView.service': '서비스',
  'mapView.status': '상태',
  'mapView.az': 'AZ',
  'mapView.all': '전체 ({count})',
  'mapView.option': '{value} ({count})',
  'mapView.clear': '필터 지우기',
  'mapView.matching': 'task {total}개 중 {matching}개 일치',
  'mapView.noMatch': '{filters}에 맞는 task가 없습니다. 위에서 다른 값을 고르거나 필터를 지우세요.',
  'mapView.idle': 'task가 없는 인스턴스',
  'mapView.portsInUse': '사용 중인 포트 {ports}',
  'mapView.enis': 'ENI {total}개 중 {used}개 사용 중',
  'mapView.taskEni': '자체 ENI (awsvpc)',
  'mapView.canvasNote': 'task {tasks}개를 한 장의 그림으로 그립니다. 자세히 보려면 인스턴스 카드(Tab, Enter)나 Tasks 패널의 task를 선택하세요.',
};

export const mapViewCatalogues: Record<Locale, Record<MapViewMessageKey, string>> = { en, ko };

/** A translator for the map toolbar's text in the current locale. */
export function mapViewText(locale: () => Locale) {
  return (key: MapViewMessageKey, params?: Record<string, string | number>): string => format(mapViewCatalogues[locale()][key], params);
}
