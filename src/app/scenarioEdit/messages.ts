/**
 * UI text for editing the open scenario's JSON, in English and Korean. Same rules as ../messages.ts:
 * placeholders are filled as text, never as HTML.
 */
import { format, type Locale } from '../messages';

const en = {
  'scenarioEdit.open': 'Edit scenario JSON',
  'scenarioEdit.openHint': 'Change this scenario (setup, script, goals, hints) in the editor and run your version',
  'scenarioEdit.title': 'Scenario JSON',
  'scenarioEdit.editorLabel': 'Scenario JSON editor',
  'scenarioEdit.load': 'Load scenario',
  'scenarioEdit.reset': 'Back to the running scenario',
  'scenarioEdit.back': 'Back to the lesson',
  'scenarioEdit.intro': 'Completion and hovers follow the scenario format (docs/scenarios.md). Loading starts your version on a fresh simulation; what you type is kept in this browser.',
  'scenarioEdit.kept': 'Draft kept in this browser.',
  'scenarioEdit.notKept': 'This browser would not keep the draft (storage full or turned off); it stays until you leave the page.',
  'scenarioEdit.ok': 'No problems: ready to load.',
  'scenarioEdit.errors': '{count} problem(s): fix them to load.',
  'scenarioEdit.loaded': 'Your version is running: the lesson shows its goals.',
  'scenarioEdit.at': 'line {line}, column {column}',
  'scenarioEdit.loading': 'Loading the editor…',
  'scenarioEdit.loadFailed': 'The editor could not be loaded. Reload the page to try again.',
  'scenarioEdit.edited': 'edited',
};

const ko: Record<keyof typeof en, string> = {
  'scenarioEdit.open': '시나리오 JSON 편집',
  'scenarioEdit.openHint': '이 시나리오(setup, script, goal, hint)를 편집기에서 바꾸고 내 버전을 실행합니다',
  'scenarioEdit.title': '시나리오 JSON',
  'scenarioEdit.editorLabel': '시나리오 JSON 편집기',
  'scenarioEdit.load': '시나리오 불러오기',
  'scenarioEdit.reset': '실행 중인 시나리오로 되돌리기',
  'scenarioEdit.back': '레슨으로 돌아가기',
  'scenarioEdit.intro': '자동 완성과 설명은 시나리오 형식(docs/scenarios.md)을 따릅니다. 불러오면 새 시뮬레이션에서 내 버전이 시작되며, 입력한 내용은 이 브라우저에 보관됩니다.',
  'scenarioEdit.kept': '초안을 이 브라우저에 보관했습니다.',
  'scenarioEdit.notKept': '이 브라우저가 초안을 보관하지 않습니다(저장소가 가득 찼거나 꺼져 있음). 페이지를 떠나기 전까지는 유지됩니다.',
  'scenarioEdit.ok': '문제 없음: 불러올 수 있습니다.',
  'scenarioEdit.errors': '문제 {count}개: 고쳐야 불러올 수 있습니다.',
  'scenarioEdit.loaded': '내 버전이 실행 중입니다. 레슨에 그 goal이 표시됩니다.',
  'scenarioEdit.at': '{line}행 {column}열',
  'scenarioEdit.loading': '편집기를 불러오는 중…',
  'scenarioEdit.loadFailed': '편집기를 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',
  'scenarioEdit.edited': '편집됨',
};

export type ScenarioEditMessageKey = keyof typeof en;

export const scenarioEditCatalogues: Record<Locale, Record<ScenarioEditMessageKey, string>> = { en, ko };

export function scenarioEditText(locale: () => Locale) {
  return (key: ScenarioEditMessageKey, params?: Record<string, string | number>): string => format(scenarioEditCatalogues[locale()][key], params);
}
