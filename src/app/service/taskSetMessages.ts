/**
 * UI text of the task sets and CodeDeploy deployment shown in the service panel (CODE_DEPLOY and
 * EXTERNAL services), in English and Korean. ECS and CodeDeploy names (statuses, lifecycle events,
 * configuration names) stay as AWS spells them. Placeholders are filled as text, never as HTML.
 */
import { format, type Locale } from '../messages';

const en = {
  'ts.label': 'Task sets and CodeDeploy deployment',
  'ts.title': 'Task sets ({controller} deployment controller)',
  'ts.none': 'No task sets yet.',
  'ts.scale': 'scale {scale}%',
  'ts.counts': 'computed desired {desired}, running {running}, pending {pending}',
  'ts.external': 'externalId {id}',
  'cd.title': 'CodeDeploy deployment {id}',
  'cd.config': 'Configuration: {name}',
  'cd.traffic': 'Traffic',
  'cd.production': 'Production listener: {replacement}% replacement (green), {original}% original (blue)',
  'cd.test': 'Test listener: {replacement}% replacement (green)',
  'cd.events': 'Lifecycle events',
  'cd.rolledBack': 'Rolled back by {id}.',
  'cd.ready': 'Waiting in Ready: production traffic moves when the deployment is continued (ContinueDeployment READY_WAIT).',
  'cd.terminationWait': 'All traffic is on the replacement; the original task set is terminated at {time}.',
} as const;

export type TaskSetMessageKey = keyof typeof en;

const ko: Record<TaskSetMessageKey, string> = {
  'ts.label': 'task set과 CodeDeploy deployment',
  'ts.title': 'task set ({controller} deployment controller)',
  'ts.none': '아직 task set이 없습니다.',
  'ts.scale': 'scale {scale}%',
  'ts.counts': 'computed desired {desired}, running {running}, pending {pending}',
  'ts.external': 'externalId {id}',
  'cd.title': 'CodeDeploy deployment {id}',
  'cd.config': '구성: {name}',
  'cd.traffic': '트래픽',
  'cd.production': 'production listener: 교체(green) {replacement}%, 원본(blue) {original}%',
  'cd.test': 'test listener: 교체(green) {replacement}%',
  'cd.events': 'lifecycle event',
  'cd.rolledBack': '{id}에 의해 rollback되었습니다.',
  'cd.ready': 'Ready 상태에서 대기 중: deployment를 계속하면(ContinueDeployment READY_WAIT) production 트래픽이 옮겨집니다.',
  'cd.terminationWait': '모든 트래픽이 교체 task set에 있습니다. 원본 task set은 {time}에 종료됩니다.',
};

export const taskSetCatalogues: Record<Locale, Record<TaskSetMessageKey, string>> = { en, ko };

/** A translator for task set text in the current locale. */
export function taskSetText(locale: () => Locale) {
  return (key: TaskSetMessageKey, params?: Record<string, string | number>): string => format(taskSetCatalogues[locale()][key], params);
}
