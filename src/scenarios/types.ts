/**
 * The scenario format: what a scenario file holds once parsed. The JSON Schema for the editor is in
 * schema.ts and the checks with located errors in validate.ts; docs/scenarios.md explains each part.
 * Times are in seconds of virtual time (the simulation counts ms).
 */
import type { TaskSelector } from '../core/index';

/** English text with an optional Korean version (ECS terms stay in English in both). */
export interface Text {
  en: string;
  ko?: string;
}

export const SCENARIO_FORMAT = 'ecs-playground/scenario';
export const SCENARIO_VERSION = 1;

export type ScenarioKind = 'demo' | 'exercise';

export interface InstanceGroup {
  /** name the script, solution and goals use for these instances: `ref` is the first, `ref[1]` the second … */
  ref?: string;
  cluster: string;
  instanceType: string;
  count?: number;
  availabilityZone?: string;
}

/**
 * What exists at virtual time 0, created in this order: clusters, Auto Scaling groups, capacity
 * providers, cluster capacity providers, instances, task definitions, target groups, load balancers,
 * listeners; then services and tasks.
 */
export interface ScenarioSetup {
  clusters: Record<string, unknown>[];
  /** sim.infra.createAutoScalingGroup requests (their instances register like any other) */
  autoScalingGroups?: Record<string, unknown>[];
  /** CreateCapacityProvider requests; `{ "$autoScalingGroupArn": "<group name>" }` names a setup group */
  capacityProviders?: Record<string, unknown>[];
  /** PutClusterCapacityProviders requests */
  clusterCapacityProviders?: Record<string, unknown>[];
  instances?: InstanceGroup[];
  taskDefinitions?: Record<string, unknown>[];
  /** sim.elbv2 CreateTargetGroup requests (PascalCase members, as the ELBv2 API takes them) */
  targetGroups?: Record<string, unknown>[];
  /** sim.elbv2 CreateLoadBalancer requests */
  loadBalancers?: Record<string, unknown>[];
  /** sim.elbv2 CreateListener requests; `{"$loadBalancer": name}` and `{"$targetGroup": name}` name setup ones */
  listeners?: Record<string, unknown>[];
  services?: Record<string, unknown>[];
  tasks?: Record<string, unknown>[];
  /** sim.codedeploy CreateApplication requests, made after the services */
  codeDeployApplications?: Record<string, unknown>[];
  /** sim.codedeploy CreateDeploymentGroup requests (`{"$listener": …}` names a setup listener), after the applications */
  deploymentGroups?: Record<string, unknown>[];
  /**
   * when services and tasks are created: default 90 s when the setup launches instances (so their
   * agents have registered), else 0
   */
  servicesAtSeconds?: number;
  /** run the clock this long after the services exist, before the learner takes over and the script's times count */
  warmUpSeconds?: number;
}

/** A task picked when an action fires; `instance` names an instance ref. */
export type ScenarioTaskSelector = Omit<TaskSelector, 'ec2InstanceId'> & { instance?: string };

/** One call: exactly one of `ecs`, `infra`, `fault`, `applicationAutoScaling` names the operation. */
export interface Action {
  /** an ECS write operation in lowerCamelCase (`updateService`), with its request in `input` */
  ecs?: string;
  /** an Application Auto Scaling write operation (`registerScalableTarget`, `putScalingPolicy` …), request in `input` */
  applicationAutoScaling?: string;
  /** a CodeDeploy write operation (`createDeployment`, `stopDeployment` …), request in `input` */
  codedeploy?: string;
  /** `launchInstances`, `setDesiredCapacity`, `updateAutoScalingGroup` (with `input`) or `terminateInstance` (with `instance`) */
  infra?: 'launchInstances' | 'terminateInstance' | 'setDesiredCapacity' | 'updateAutoScalingGroup';
  /** a fault of sim.faults */
  fault?:
    | 'disconnectAgent'
    | 'reconnectAgent'
    | 'crashContainer'
    | 'failHealthCheck'
    | 'interruptSpot'
    | 'makeImageUnpullable'
    | 'makeImagePullable'
    /** `input`: `{ cluster?, service, profile }` (sim.faults.setLoad) */
    | 'setLoad'
    /** `input`: `{ hookTargetArn, answer }`: what the simulated lifecycle-hook Lambda answers */
    | 'setHookAnswer';
  input?: Record<string, unknown>;
  instance?: string;
  task?: ScenarioTaskSelector;
  container?: string;
  exitCode?: number;
  image?: string;
  forSeconds?: number;
  /** shown in the event log next to the step */
  note?: string;
}

export interface ScriptedAction extends Action {
  /** seconds after the warm-up ends */
  at: number;
}

export interface SolutionStep extends Action {
  /** seconds after the solution is applied (default 0) */
  after?: number;
}

export type Comparison = { equals?: number; atLeast?: number; atMost?: number };

export type Goal =
  | ({ type: 'serviceTasks'; cluster: string; service: string; lastStatus?: string; revision?: number; launchType?: string; capacityProvider?: string } & Comparison)
  | ({ type: 'serviceField'; cluster: string; service: string; pointer: string; is?: string | number | boolean } & Comparison)
  | { type: 'deploymentCompleted'; cluster: string; service: string; revision?: number }
  | { type: 'distinctInstances'; cluster: string; group: string }
  | { type: 'tasksOnAttribute'; cluster: string; group: string; attribute: string; in: string[] }
  | { type: 'spread'; cluster: string; group: string; attribute: string; maxDifference: number }
  | ({ type: 'instancesUsed'; cluster: string; group?: string } & Comparison)
  | { type: 'daemonOnEveryInstance'; cluster: string; service: string }
  | { type: 'taskDefinitionField'; family: string; pointer: string; is?: string | number | boolean; exists?: boolean }
  | { type: 'containerInstance'; instance: string; status?: string; agentConnected?: boolean; runningTasksCount?: number }
  | { type: 'runningNeverBelow'; cluster: string; service: string; min: number; afterSeconds?: number }
  | { type: 'rollbackHappened'; cluster: string; service: string }
  | { type: 'serviceEventSeen'; cluster: string; service: string; contains: string }
  | { type: 'costPerHour'; cluster?: string; service?: string; capacityProvider?: string; below: number }
  | ({ type: 'tasksStopped'; cluster: string; group?: string; stopCode?: string; reasonContains?: string } & Comparison)
  | { type: 'not'; goal: Goal }
  | { type: 'allOf'; goals: Goal[] }
  | { type: 'anyOf'; goals: Goal[] };

export interface ScenarioGoal {
  id: string;
  title: Text;
  check: Goal;
}

export interface Scenario {
  $schema?: string;
  format?: typeof SCENARIO_FORMAT;
  version?: number;
  id: string;
  kind: ScenarioKind;
  title: Text;
  description: Text;
  /** what the learner should notice or do, shown before starting */
  seed: number;
  timingProfile?: 'realistic' | 'fast';
  /** how long the scenario runs when played to its end, counted after the warm-up */
  durationSeconds: number;
  setup: ScenarioSetup;
  script?: ScriptedAction[];
  goals?: ScenarioGoal[];
  hints?: Text[];
  solution?: { explanation?: Text; steps: SolutionStep[] };
  /** free-form labels for the picker (e.g. "placement", "deployments") */
  tags?: string[];
}

/** Result of one goal check. */
export interface GoalResult {
  id: string;
  title: Text;
  pass: boolean;
  evidence: string;
  evidenceKo?: string;
}
