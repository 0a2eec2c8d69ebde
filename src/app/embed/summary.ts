/** A small summary of the simulation for the embed host: what changed, without the whole state. */
import type { Simulation } from '../../core';

export interface StateSummary {
  now: number;
  calls: number;
  events: number;
  lastEvent?: { time: number; type: string; message: string };
  clusters: { name: string; status: string; instances: number; running: number; pending: number }[];
  services: { cluster: string; name: string; status: string; desired: number; running: number; pending: number; deployments: number }[];
  tasks: { provisioning: number; pending: number; running: number; stopped: number };
}

export function summarise(sim: Simulation): StateSummary {
  const s = sim.state;
  const tasks = { provisioning: 0, pending: 0, running: 0, stopped: 0 };
  const perCluster: Record<string, { running: number; pending: number }> = {};
  for (const t of Object.values(s.tasks)) {
    const status = t.lastStatus;
    const c = (perCluster[t.clusterName] ??= { running: 0, pending: 0 });
    if (status === 'RUNNING') {
      tasks.running++;
      c.running++;
    } else if (status === 'STOPPED') tasks.stopped++;
    else if (status === 'PROVISIONING') tasks.provisioning++;
    else {
      tasks.pending++;
      c.pending++;
    }
  }
  const instances: Record<string, number> = {};
  for (const ci of Object.values(s.containerInstances)) if (ci.status !== 'INACTIVE') instances[ci.clusterName] = (instances[ci.clusterName] ?? 0) + 1;
  const last = s.events[s.events.length - 1];
  return {
    now: s.now,
    calls: s.journal.length,
    events: s.events.length,
    tasks,
    ...(last ? { lastEvent: { time: last.time, type: last.type, message: last.message } } : {}),
    clusters: Object.values(s.clusters).map((c) => ({
      name: c.clusterName,
      status: c.status,
      instances: instances[c.clusterName] ?? 0,
      running: perCluster[c.clusterName]?.running ?? 0,
      pending: perCluster[c.clusterName]?.pending ?? 0,
    })),
    services: Object.values(s.services).map((v) => {
      const running = Object.values(s.tasks).filter((t) => t.group === `service:${v.serviceName}` && t.clusterName === v.clusterName);
      return {
        cluster: v.clusterName,
        name: v.serviceName,
        status: v.status,
        desired: v.desiredCount,
        running: running.filter((t) => t.lastStatus === 'RUNNING').length,
        pending: running.filter((t) => t.lastStatus !== 'RUNNING' && t.lastStatus !== 'STOPPED').length,
        deployments: v.deployments.length,
      };
    }),
  };
}
