/**
 * The placement engine's request and answer, and the explanation the UI draws as an
 * instance × filter/strategy table. All plain JSON.
 */
import type { TaskNeeds } from './fit';

export type ConstraintType = 'distinctInstance' | 'memberOf';
export type StrategyType = 'binpack' | 'spread' | 'random';

/** As the ECS API spells them (PlacementConstraint / PlacementStrategy). */
export interface PlacementConstraint {
  type: ConstraintType;
  expression?: string;
}

export interface PlacementStrategy {
  type: StrategyType;
  field?: string;
}

/** Where the strategies came from: the request, or a documented default. */
export type StrategySource = 'request' | 'runTaskDefault' | 'serviceDefault';

export interface PlacementRequest {
  clusterName: string;
  /** tasks to place, one after the other; later ones see the earlier ones' reservations */
  count: number;
  needs: TaskNeeds;
  /** task group: `family:<name>` by default, `service:<name>` for service tasks */
  group: string;
  /** request and task-definition constraints together (at most 10) */
  constraints?: PlacementConstraint[];
  /** in order (at most 5); empty or absent means the default for `defaults` */
  strategies?: PlacementStrategy[];
  /** which default applies when no strategy is given (default: 'runTask' = random) */
  defaults?: 'runTask' | 'service';
  /** only these container instances (StartTask, daemon); default: every registered instance of the cluster */
  candidates?: string[];
  /** awsvpc on EC2: the AZs of the task's subnets; instances elsewhere fail with LOCATION */
  subnetAvailabilityZones?: string[];
  /** rows kept per explanation (default 100); the counts always cover every instance */
  maxExplanationRows?: number;
}

/** The filters in the order they are applied; a row names the first one an instance failed. */
export type FilterName =
  | 'status'
  | 'agent'
  | 'attributes'
  | 'cpu'
  | 'memory'
  | 'gpu'
  | 'ports'
  | 'portsUdp'
  | 'eni'
  | 'location'
  | 'constraint';

export interface FilterFailure {
  filter: FilterName;
  /** the ECS failure reason (RESOURCE:MEMORY, AGENT, MemberOf placement constraint unsatisfied., …) */
  reason: string;
  /** with the numbers: "needs 512 MiB, 384 free" */
  detail: string;
  /** for filter 'constraint': which constraint (index into explanation.constraints) */
  constraintIndex?: number;
}

/** One instance's standing under one strategy. */
export interface StrategyScore {
  /** index into explanation.strategies */
  strategy: number;
  /** the number the strategy compares (remaining units, tasks in the bucket, …); lower wins */
  value: number;
  /** 1 + the number of instances still in the running at this strategy with a better value (1 = best) */
  rank: number;
  /** still among the best after this strategy */
  kept: boolean;
  /** "3 tasks of the group in us-east-1a" */
  detail: string;
}

export interface InstanceRow {
  containerInstanceArn: string;
  /** the 32-hex id */
  containerInstanceId: string;
  ec2InstanceId: string;
  availabilityZone: string;
  outcome: 'chosen' | 'eligible' | 'filtered';
  /** set when outcome is 'filtered' */
  failed?: FilterFailure;
  /** set for instances that passed every filter: one entry per strategy they were ranked under */
  scores?: StrategyScore[];
}

export interface PlacementExplanation {
  /** 0-based index of the task within the request */
  taskIndex: number;
  group: string;
  constraints: PlacementConstraint[];
  strategies: PlacementStrategy[];
  strategySource: StrategySource;
  /** the chosen one first, then the others by how far they got; at most maxExplanationRows */
  instances: InstanceRow[];
  /** rows left out of `instances` */
  omittedRows: number;
  counts: {
    instances: number;
    /** passed the resource fit */
    fit: number;
    /** passed the constraints too */
    eligible: number;
    /** instances per first failed filter reason */
    byReason: Record<string, number>;
  };
  chosen?: { containerInstanceArn: string; containerInstanceId: string; ec2InstanceId: string };
  /** when nothing could take the task: the instance that got furthest, and why it failed */
  closest?: { containerInstanceArn: string; containerInstanceId: string; reason: string; detail: string };
  /** the final tie-break note when more than one instance remained after every strategy */
  tieBreak?: string;
}

export interface PlacementFailure {
  arn: string;
  reason: string;
  detail: string;
}

export interface PlacementResult {
  /** one per task placed, in order */
  placements: { containerInstanceArn: string; explanation: PlacementExplanation }[];
  /** ECS failures for the first task that could not be placed: one per container instance */
  failures: PlacementFailure[];
  /** explanation of the first unplaced task (or of the last placed one when all were placed) */
  explanation: PlacementExplanation;
}
