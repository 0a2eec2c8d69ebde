/**
 * The working data of one placement decision: the instances considered (slots) and, per task, the
 * filter stage each reached and the strategy values. Shared by place.ts, strategies.ts and rows.ts.
 */
import type { ContainerInstanceRecord } from '../infra/records';
import type { FilterFailure } from './types';
import type { SpreadBuckets } from './strategies';
import type { InstanceMemo } from './facts';

/** Stage value of an instance that passed every filter. */
export const PASSED = 1 << 20;

/** One instance under consideration and what this request has added to it so far. */
export interface Slot {
  arn: string;
  ci: ContainerInstanceRecord | undefined;
  memo: InstanceMemo | undefined;
  id: string;
  ec2InstanceId: string;
  availabilityZone: string;
  /** tasks (and tasks of the request's group) this request has already put here */
  addedTasks: number;
  /** its record in the shadow state is this request's copy */
  shadowed: boolean;
}

/** Per-task working arrays, indexed like the slots. */
export interface Evaluation {
  /** stage an instance failed at, or PASSED */
  stage: number[];
  failures: (FilterFailure | undefined)[];
  eligible: number[];
  /** per strategy: the values of the instances still in the running at that strategy */
  values: Float64Array[];
  /** per strategy: which instances were in the running */
  inRunning: Uint8Array[];
  /** index of the strategy an eligible instance dropped out at (strategies.length = survived all) */
  droppedAt: Int32Array;
  /** spread buckets per strategy (for the row details) */
  buckets: (SpreadBuckets | undefined)[];
  chosen: number;
  tieCount: number;
}
