/** Words of the boot screen (shown before the app's own code and messages.ts have loaded). */
export type BootLocale = 'en' | 'ko';

const en = {
  failedHeading: 'ECS Playground could not load',
  failedBody: 'Part of the page did not arrive: the connection dropped, or the site was updated while it loaded. Your saved session is still in this browser. Reload to try again.',
  reload: 'Reload',
  details: 'What failed',
};

export const bootTexts: Record<BootLocale, typeof en> = {
  en,
  ko: {
    failedHeading: 'ECS Playground를 불러오지 못했습니다',
    failedBody: '페이지의 일부가 도착하지 않았습니다. 연결이 끊겼거나 불러오는 동안 사이트가 업데이트되었습니다. 저장된 세션은 이 브라우저에 그대로 있습니다. 다시 불러와 주세요.',
    reload: '다시 불러오기',
    details: '실패한 내용',
  },
};

/** The boot screen's language: the saved choice is not readable yet, so the browser's languages decide. */
export function bootLocale(languages: readonly string[]): BootLocale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}
