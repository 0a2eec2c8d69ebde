/** Words of the error screens. Kept apart from messages.ts so the shell-level screen works without the app's context. */
export type CrashLocale = 'en' | 'ko';

const en = {
  shellHeading: 'ECS Playground stopped working',
  shellBody: 'An unexpected error stopped the page. Your task-definition drafts are saved in this browser. Export the session to keep the simulation, then reload.',
  resetView: 'Reset view',
  exportSession: 'Export session (JSON)',
  exportFailed: 'The session could not be exported: {message}',
  reload: 'Reload',
  details: 'What failed',
};

export const crashTexts: Record<CrashLocale, typeof en> = {
  en,
  ko: {
    shellHeading: 'ECS Playground가 멈췄습니다',
    shellBody: '예기치 않은 오류로 페이지가 멈췄습니다. 작업 정의 초안은 이 브라우저에 저장되어 있습니다. 시뮬레이션을 보관하려면 세션을 내보낸 뒤 다시 불러오세요.',
    resetView: '화면 초기화',
    exportSession: '세션 내보내기 (JSON)',
    exportFailed: '세션을 내보내지 못했습니다: {message}',
    reload: '다시 불러오기',
    details: '실패한 내용',
  },
};

export function crashLocale(lang: string | undefined): CrashLocale {
  return lang?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
