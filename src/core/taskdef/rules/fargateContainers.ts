/**
 * Container parameters Fargate refuses (reference §4.5, Developer Guide "AWS Fargate" task definition
 * considerations). Empty lists and `false` flags are accepted, as console exports contain them.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { TaskMessages, WarningMessages } from '../messages';
import type { RuleInput } from './context';

const FARGATE_LOG_DRIVERS = new Set(['awslogs', 'splunk', 'awsfirelens']);

type ListMember = 'dnsServers' | 'dnsSearchDomains' | 'dockerSecurityOptions';
const LIST_MEMBERS: readonly ListMember[] = ['dnsServers', 'dnsSearchDomains', 'dockerSecurityOptions'];

function unsupportedMembers(c: ContainerDefinition): string[] {
  const out: string[] = [];
  if (c.disableNetworking === true) out.push('disableNetworking');
  if (c.privileged === true) out.push('privileged');
  for (const m of LIST_MEMBERS) if ((c[m]?.length ?? 0) > 0) out.push(m);
  return out;
}

export function checkFargateContainers(r: RuleInput): void {
  if (!r.fargate) return;
  for (const { c, i } of r.containers) {
    const base = ['containerDefinitions', i];
    for (const m of unsupportedMembers(c)) r.error([...base, m], TaskMessages.fargateUnsupported(m));
    const lp = c.linuxParameters;
    if (lp) {
      const lpBase = [...base, 'linuxParameters'];
      if ((lp.devices?.length ?? 0) > 0) r.error([...lpBase, 'devices'], TaskMessages.fargateUnsupported('devices'));
      if ((lp.tmpfs?.length ?? 0) > 0) r.error([...lpBase, 'tmpfs'], TaskMessages.fargateUnsupported('tmpfs'));
      for (const m of ['maxSwap', 'swappiness', 'sharedMemorySize'] as const) {
        if (lp[m] !== undefined) r.error([...lpBase, m], TaskMessages.fargateUnsupported(m));
      }
      (lp.capabilities?.add ?? []).forEach((cap, j) => {
        if (typeof cap === 'string' && cap.replace(/^CAP_/, '') !== 'SYS_PTRACE') {
          r.error([...lpBase, 'capabilities', 'add', j], TaskMessages.fargateCapability(cap));
        }
      });
    }
    (c.resourceRequirements ?? []).forEach((rr, j) => {
      if (rr?.type === 'GPU') r.error([...base, 'resourceRequirements', j, 'type'], TaskMessages.fargateUnsupported('GPU resource requirements'));
    });
    const driver = c.logConfiguration?.logDriver;
    if (driver !== undefined && !FARGATE_LOG_DRIVERS.has(driver)) {
      r.error([...base, 'logConfiguration', 'logDriver'], TaskMessages.fargateLogDriver(driver));
    }
    if (c.startTimeout !== undefined && (c.startTimeout < 2 || c.startTimeout > 120)) {
      r.error([...base, 'startTimeout'], TaskMessages.fargateStartTimeout(c.startTimeout));
    }
    if (c.stopTimeout !== undefined && c.stopTimeout > 120) r.error([...base, 'stopTimeout'], TaskMessages.fargateStopTimeout(c.stopTimeout));
    (c.ulimits ?? []).forEach((u, j) => {
      if (u?.name && u.name !== 'nofile') r.warn([...base, 'ulimits', j, 'name'], WarningMessages.fargateUlimit(u.name));
    });
    (c.systemControls ?? []).forEach((s, j) => {
      if (s?.namespace && !s.namespace.startsWith('net.')) r.warn([...base, 'systemControls', j, 'namespace'], WarningMessages.fargateSysctl(s.namespace));
    });
  }
}
