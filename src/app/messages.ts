/**
 * Every UI string in English and Korean. ECS terms (cluster, task, service, statuses, API names)
 * stay as ECS names them; the Korean text explains around them, as Korean AWS documentation does.
 */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  'app.title': 'ECS Playground',
  'app.tagline': 'Amazon ECS, simulated in your browser',
  'clock.label': 'Virtual clock',
  'clock.elapsed': 'Elapsed virtual time',
  'clock.play': 'Play',
  'clock.pause': 'Pause',
  'clock.step': 'Step to the next event',
  'clock.speed': 'Speed',
  'clock.speedOption': '{speed}× real time',
  'theme.toggle': 'Switch between light and dark theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'lang.label': 'Language',
  'reset.label': 'Reset',
  'reset.hint': 'Start over with an empty account',
  'clusters.heading': 'Clusters',
  'clusters.empty': 'No clusters yet. A cluster is the logical group your tasks and services run in — create one to begin.',
  'clusters.nameLabel': 'Cluster name',
  'clusters.create': 'Create cluster',
  'clusters.delete': 'Delete',
  'clusters.deleteLabel': 'Delete cluster {name}',
  'clusters.counts': '{instances} instances · {running} running · {pending} pending · {services} services',
  'clusters.inactive': 'INACTIVE (deleted)',
  'events.heading': 'Events',
  'events.empty': 'Nothing has happened yet. Every change in the simulation appears here with its virtual time.',
  'events.count': 'In the log: {count}',
  'error.heading': 'Something went wrong in this view',
  'error.retry': 'Try again',
  'welcome.heading': 'Run Amazon ECS without an AWS account',
  'welcome.body':
    'Everything here runs in your browser on a virtual clock: pause it, step it, or run it up to 600 times faster than life. Start by creating a cluster.',
  'cli.equivalent': 'Same as',
} as const;

export type MessageKey = keyof typeof en;

const ko: Record<MessageKey, string> = {
  'app.title': 'ECS Playground',
  'app.tagline': '브라우저에서 시뮬레이션하는 Amazon ECS',
  'clock.label': '가상 시계',
  'clock.elapsed': '경과한 가상 시간',
  'clock.play': '재생',
  'clock.pause': '일시 정지',
  'clock.step': '다음 이벤트로 이동',
  'clock.speed': '속도',
  'clock.speedOption': '실제 시간의 {speed}배',
  'theme.toggle': '밝은 테마와 어두운 테마 전환',
  'theme.light': '밝게',
  'theme.dark': '어둡게',
  'lang.label': '언어',
  'reset.label': '초기화',
  'reset.hint': '빈 계정으로 처음부터 다시 시작',
  'clusters.heading': '클러스터',
  'clusters.empty': '아직 클러스터가 없습니다. 클러스터는 task와 service가 실행되는 논리적 그룹입니다. 먼저 하나 만들어 보세요.',
  'clusters.nameLabel': '클러스터 이름',
  'clusters.create': '클러스터 생성',
  'clusters.delete': '삭제',
  'clusters.deleteLabel': '클러스터 {name} 삭제',
  'clusters.counts': '인스턴스 {instances}개 · 실행 중 {running} · 대기 {pending} · 서비스 {services}개',
  'clusters.inactive': 'INACTIVE (삭제됨)',
  'events.heading': '이벤트',
  'events.empty': '아직 아무 일도 일어나지 않았습니다. 시뮬레이션의 모든 변화가 가상 시간과 함께 여기에 표시됩니다.',
  'events.count': '로그에 {count}개',
  'error.heading': '이 화면에서 문제가 발생했습니다',
  'error.retry': '다시 시도',
  'welcome.heading': 'AWS 계정 없이 Amazon ECS 실행하기',
  'welcome.body':
    '모든 것이 브라우저 안의 가상 시계 위에서 실행됩니다. 시계를 멈추거나 한 단계씩 진행하거나 실제보다 최대 600배 빠르게 돌릴 수 있습니다. 먼저 클러스터를 만들어 보세요.',
  'cli.equivalent': 'CLI로는',
};

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, ko };

/** Fills `{name}` placeholders. Values are inserted as text; the result is never treated as HTML. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
