/**
 * The task definitions the learner registered, as requests `aws ecs register-task-definition
 * --cli-input-json` (or an SDK) accepts as they are: the latest ACTIVE revision of each family,
 * with the describe-only fields left out.
 */
import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import type { Simulation } from '../engine/simulation';
import { unwrapDescribeOutput } from '../taskdef/describe';

export interface ExportedTaskDefinition {
  family: string;
  revision: number;
  request: RegisterTaskDefinitionRequest;
}

/** Latest ACTIVE revision per family, families in name order. */
export function exportTaskDefinitions(sim: Simulation): ExportedTaskDefinition[] {
  const out: ExportedTaskDefinition[] = [];
  for (const family of Object.keys(sim.state.taskDefinitions).sort()) {
    const active = sim.state.taskDefinitions[family].revisions.filter((r) => r.status === 'ACTIVE');
    const latest = active[active.length - 1];
    if (!latest) continue;
    const described = sim.ecs.describeTaskDefinition({ taskDefinition: latest.taskDefinitionArn, include: ['TAGS'] });
    const plain = JSON.parse(JSON.stringify(described)) as Record<string, unknown>;
    if (Array.isArray(plain.tags) && plain.tags.length === 0) delete plain.tags;
    const request = unwrapDescribeOutput(plain).value as unknown as RegisterTaskDefinitionRequest;
    out.push({ family, revision: latest.revision, request });
  }
  return out;
}

/** One JSON document: an array of register requests (one per family). */
export function taskDefinitionsJson(sim: Simulation): string {
  return `${JSON.stringify(exportTaskDefinitions(sim).map((t) => t.request), null, 2)}\n`;
}
