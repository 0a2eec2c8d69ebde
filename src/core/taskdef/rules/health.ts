/** Health check command shape (ranges and defaults come from the catalogue, reference §2.7). */
import { ContainerMessages, WarningMessages } from '../messages';
import type { RuleInput } from './context';

const FORMS = new Set(['CMD', 'CMD-SHELL', 'NONE']);

export function checkHealthChecks(r: RuleInput): void {
  for (const { c, i } of r.containers) {
    const command = c.healthCheck?.command;
    if (!command) continue;
    const segs = ['containerDefinitions', i, 'healthCheck', 'command'];
    if (command.length === 0) r.error(segs, ContainerMessages.healthCheckEmpty);
    else if (typeof command[0] === 'string' && !FORMS.has(command[0])) r.warn([...segs, 0], WarningMessages.healthCheckForm);
  }
}
