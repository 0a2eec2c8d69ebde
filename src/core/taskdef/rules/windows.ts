/**
 * Container parameters the API documents as "not supported for Windows containers". Whether
 * registration refuses them is not documented, so they are warnings. Windows is known only from
 * runtimePlatform.operatingSystemFamily.
 */
import { WarningMessages } from '../messages';
import type { RuleInput } from './context';

export function checkWindows(r: RuleInput): void {
  if (!r.windows) return;
  if (r.req.pidMode !== undefined) r.warn(['pidMode'], WarningMessages.windowsUnsupported('pidMode'));
  if (r.req.ipcMode !== undefined) r.warn(['ipcMode'], WarningMessages.windowsUnsupported('ipcMode'));
  for (const { c, i } of r.containers) {
    const flagged: string[] = [];
    for (const m of ['links', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'systemControls'] as const) {
      if ((c[m]?.length ?? 0) > 0) flagged.push(m);
    }
    for (const m of ['privileged', 'disableNetworking', 'readonlyRootFilesystem'] as const) if (c[m] === true) flagged.push(m);
    if (c.linuxParameters !== undefined) flagged.push('linuxParameters');
    for (const m of flagged) r.warn(['containerDefinitions', i, m], WarningMessages.windowsUnsupported(m));
  }
}
