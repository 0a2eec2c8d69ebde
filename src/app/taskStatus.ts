/** How a status reads at a glance: starting, running, stopping or stopped. Pure. */
export type StatusTone = 'starting' | 'running' | 'stopping' | 'stopped';

const TONES: Record<string, StatusTone> = {
  PROVISIONING: 'starting',
  PENDING: 'starting',
  ACTIVATING: 'starting',
  RUNNING: 'running',
  DEACTIVATING: 'stopping',
  STOPPING: 'stopping',
  DEPROVISIONING: 'stopping',
  STOPPED: 'stopped',
};

/** Task and container lastStatus values; unknown ones read as starting. */
export function statusTone(status: string): StatusTone {
  return TONES[status] ?? 'starting';
}
