/**
 * The state of one create-service or update-service form: its values, the options it offers, the
 * checks beside each field, the exact request it makes and the CLI commands that equal it, and
 * submitting through the Playground (so the console echoes the calls). One class for both forms.
 */
import type { ActionError, Playground } from '../playground.svelte';
import { toCliCommand } from '../../core/cli';
import { checkServiceForm, createServiceRequest, type FieldErrors, type ServiceFormValues, updateServiceRequest } from './serviceRequest';
import { formOptions, resourceLabel, scalingCli, scalingRequests, type FormOptions } from './formOptions';
import { defaultServiceForm } from './serviceRequest';

export type FormMode = 'create' | 'update';

export interface FormHost {
  playground: Playground;
  cluster: () => string;
  /** the task definition and launch type the shared launch fields chose (create form) */
  launch?: () => { taskDefinition?: string; launchType: 'FARGATE' | 'EC2'; network: (sim: Playground['sim']) => object };
}

export class ServiceForm {
  values = $state<ServiceFormValues>(defaultServiceForm());
  /** what the update form compares with: the service as it was when the form was (re)loaded */
  current = $state.raw<ServiceFormValues | undefined>();
  error = $state<ActionError | undefined>();
  done = $state<string | undefined>();
  /** set when the learner asked to submit while checks fail */
  blocked = $state(false);
  readonly mode: FormMode;
  readonly #host: FormHost;

  constructor(mode: FormMode, host: FormHost) {
    this.mode = mode;
    this.#host = host;
  }

  get cluster(): string {
    return this.#host.cluster();
  }

  /** The values with what the shared launch fields chose. */
  get effective(): ServiceFormValues {
    const launch = this.#host.launch?.();
    if (!launch) return this.values;
    return { ...this.values, taskDefinition: launch.taskDefinition ?? '', launchType: launch.launchType };
  }

  get options(): FormOptions {
    return formOptions(this.#host.playground.sim.state, this.cluster, this.effective.taskDefinition || undefined);
  }

  get errors(): FieldErrors {
    const options = this.options;
    return checkServiceForm(this.effective, {
      state: this.#host.playground.sim.state,
      cluster: this.cluster,
      mode: this.mode,
      networkMode: options.networkMode,
      containerNames: options.containers.map((c) => c.name),
      taskDefinitionConstraints: options.taskDefinitionConstraints,
    });
  }

  get valid(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Loads the service as it is into the update form. */
  load(values: ServiceFormValues): void {
    this.current = values;
    this.values = structuredClone(values);
    this.error = undefined;
    this.blocked = false;
  }

  /** The ECS request, without the network member of awsvpc (filled in when submitted). */
  request(network: object = {}): Record<string, unknown> {
    const v = this.effective;
    if (this.mode === 'create') return createServiceRequest(v, this.cluster, network) as unknown as Record<string, unknown>;
    return updateServiceRequest(v, this.current ?? v, this.cluster, v.serviceName) as unknown as Record<string, unknown>;
  }

  get scalingChanged(): boolean {
    const v = this.values;
    if (!v.autoScaling) return false;
    const c = this.current;
    if (this.mode === 'create' || !c || !c.autoScaling) return true;
    return v.minCapacity !== c.minCapacity || v.maxCapacity !== c.maxCapacity || v.targetValue !== c.targetValue || v.scalingMetric !== c.scalingMetric || v.policyName !== c.policyName;
  }

  /** Whether the update form would change anything. */
  get changed(): boolean {
    if (this.mode === 'create') return true;
    return Object.keys(this.request()).length > 2 || this.scalingChanged;
  }

  #scaling() {
    const v = this.effective;
    const tg = this.options.targetGroups.find((t) => t.arn === v.targetGroupArn);
    return scalingRequests(v, this.cluster, v.serviceName.trim(), tg ? resourceLabel(tg.loadBalancerArn, tg.arn) : undefined);
  }

  /** The AWS CLI commands the form equals, one per line. */
  get cli(): string {
    const launch = this.#host.launch?.();
    const sim = this.#host.playground.sim;
    const network = launch ? launch.network(sim) : {};
    const operation = this.mode === 'create' ? 'createService' : 'updateService';
    const lines = this.mode === 'create' || Object.keys(this.request()).length > 2 ? [toCliCommand(operation, this.request(network))] : [];
    if (this.scalingChanged) lines.push(...scalingCli(this.#scaling()));
    return lines.join('\n');
  }

  /** Makes the calls. Returns the service ARN when the ECS call succeeded. */
  submit(): string | undefined {
    if (!this.valid) {
      this.blocked = true;
      return undefined;
    }
    this.blocked = false;
    const pg = this.#host.playground;
    const launch = this.#host.launch?.();
    const operation = this.mode === 'create' ? 'createService' : 'updateService';
    let arn: string | undefined;
    if (this.mode === 'create' || Object.keys(this.request()).length > 2) {
      const result = pg.act((sim) => pg.call(operation, this.request(launch ? launch.network(sim) : {}) as never));
      if (!result.ok) {
        this.error = result.error;
        this.done = undefined;
        return undefined;
      }
      arn = (result.value as { service?: { serviceArn?: string } }).service?.serviceArn;
    }
    if (this.scalingChanged) {
      const requests = this.#scaling();
      const [registerCli, policyCli] = scalingCli(requests);
      const r1 = pg.act((sim) => sim.applicationAutoScaling.registerScalableTarget(requests.register), { cli: registerCli });
      const r2 = r1.ok ? pg.act((sim) => sim.applicationAutoScaling.putScalingPolicy(requests.policy), { cli: policyCli }) : r1;
      if (!r2.ok) {
        this.error = r2.error;
        this.done = undefined;
        return arn;
      }
    }
    this.error = undefined;
    this.done = this.effective.serviceName.trim();
    return arn;
  }
}
