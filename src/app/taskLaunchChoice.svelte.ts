/**
 * What the Run task and Create service forms both ask: which task definition revision, on which
 * launch type, and (for awsvpc) which network. One class, so both forms behave the same.
 */
import type { NetworkConfiguration } from '@aws-sdk/client-ecs';
import type { Simulation } from '../core';
import type { Playground } from './playground.svelte';
import { defaultLaunchType, taskDefinitionChoices, type TaskDefinitionChoice } from './taskDefinitionChoices';

export type FormLaunchType = 'FARGATE' | 'EC2';

/** How the forms' CLI previews show the awsvpc network member. */
export const AWSVPC_CLI = ' --network-configuration "awsvpcConfiguration={subnets=[subnet-…],assignPublicIp=ENABLED}"';

export class TaskLaunchChoice {
  picked = $state<string | undefined>();
  launchTypePicked = $state<FormLaunchType | undefined>();
  #playground: Playground;

  constructor(playground: Playground) {
    this.#playground = playground;
  }

  get choices(): TaskDefinitionChoice[] {
    return taskDefinitionChoices(this.#playground.sim.state);
  }

  /** `family:revision` chosen, or the first one when the choice is gone. */
  get taskDefinition(): string | undefined {
    const choices = this.choices;
    return this.picked && choices.some((c) => c.ref === this.picked) ? this.picked : choices[0]?.ref;
  }

  get choice(): TaskDefinitionChoice | undefined {
    const ref = this.taskDefinition;
    return this.choices.find((c) => c.ref === ref);
  }

  get launchType(): FormLaunchType {
    return this.launchTypePicked ?? defaultLaunchType(this.choice);
  }

  get awsvpc(): boolean {
    return this.choice?.networkMode === 'awsvpc';
  }

  /** The request's networkConfiguration: every default-VPC subnet for awsvpc, nothing otherwise. Call inside an action. */
  network(sim: Simulation): { networkConfiguration?: NetworkConfiguration } {
    if (!this.awsvpc) return {};
    const subnets = sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
    return { networkConfiguration: { awsvpcConfiguration: { subnets, assignPublicIp: 'ENABLED' } } };
  }
}
