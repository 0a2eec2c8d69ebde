/**
 * Port mappings by network mode (reference §4.6): awsvpc and host need hostPort omitted, 0 or equal to
 * containerPort; bridge takes a fixed host port or 0/omitted for a dynamic one; none allows no mappings.
 * Two mappings in one task may not claim the same host port and protocol.
 */
import { ContainerMessages } from '../messages';
import type { RuleInput } from './context';

const RANGE = /^(\d{1,5})-(\d{1,5})$/;

export function checkPorts(r: RuleInput): void {
  const mode = r.networkMode;
  const taken = new Map<string, string>();
  for (const { c, i, label } of r.containers) {
    const mappings = c.portMappings ?? [];
    if (mode === 'none' && mappings.length > 0) {
      r.error(['containerDefinitions', i, 'portMappings'], ContainerMessages.portsWithNone);
      continue;
    }
    mappings.forEach((p, j) => {
      if (!p) return;
      const segs = ['containerDefinitions', i, 'portMappings', j];
      if (p.containerPortRange !== undefined) {
        const m = RANGE.exec(p.containerPortRange);
        const ok = m !== null && Number(m[1]) >= 1 && Number(m[1]) < Number(m[2]) && Number(m[2]) <= 65535;
        if (!ok) r.error([...segs, 'containerPortRange'], ContainerMessages.portRangeInvalid(p.containerPortRange));
        else if (mode !== 'bridge' && mode !== 'awsvpc') r.error([...segs, 'containerPortRange'], ContainerMessages.portRangeMode(mode));
        return;
      }
      if (p.containerPort === undefined) {
        if (!r.isBad([...segs, 'containerPort'])) r.error(segs, ContainerMessages.containerPortInvalid(label));
        return;
      }
      const fixed = mode === 'awsvpc' || mode === 'host';
      if (fixed && p.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort) {
        r.error([...segs, 'hostPort'], ContainerMessages.hostPortMustMatch(mode));
        return;
      }
      const hostPort = fixed ? p.containerPort : (p.hostPort ?? 0);
      if (hostPort === 0) return; // dynamic
      const key = `${hostPort}/${p.protocol ?? 'tcp'}`;
      const other = taken.get(key);
      if (other !== undefined) {
        r.error([...segs, p.hostPort !== undefined ? 'hostPort' : 'containerPort'], ContainerMessages.hostPortTaken(hostPort, p.protocol ?? 'tcp', other));
      } else taken.set(key, label);
    });
  }
}
