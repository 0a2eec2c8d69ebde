/** The task definitions a learner can run or deploy: every ACTIVE revision, newest family revision first. */
import type { SimState } from '../core';

export interface TaskDefinitionChoice {
  /** `family:revision` */
  ref: string;
  family: string;
  revision: number;
  networkMode: string;
  compatibilities: string[];
  requiresCompatibilities: string[];
}

export function taskDefinitionChoices(state: SimState): TaskDefinitionChoice[] {
  const out: TaskDefinitionChoice[] = [];
  for (const family of Object.values(state.taskDefinitions).sort((a, b) => a.family.localeCompare(b.family))) {
    for (const rev of [...family.revisions].reverse()) {
      if (rev.status !== 'ACTIVE') continue;
      out.push({
        ref: `${rev.family}:${rev.revision}`,
        family: rev.family,
        revision: rev.revision,
        networkMode: rev.body.networkMode ?? 'bridge',
        compatibilities: [...(rev.body.compatibilities ?? [])],
        requiresCompatibilities: [...(rev.body.requiresCompatibilities ?? [])],
      });
    }
  }
  return out;
}

/** FARGATE when the definition asks for it (or only fits it), else EC2. */
export function defaultLaunchType(choice: TaskDefinitionChoice | undefined): 'FARGATE' | 'EC2' {
  if (!choice) return 'FARGATE';
  if (choice.requiresCompatibilities.includes('FARGATE')) return 'FARGATE';
  if (choice.requiresCompatibilities.includes('EC2')) return 'EC2';
  return choice.compatibilities.includes('EC2') ? 'EC2' : 'FARGATE';
}
