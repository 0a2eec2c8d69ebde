/**
 * What the simulation stores for a task definition: one record per revision, grouped by family.
 * Plain JSON data (timestamps are virtual ms); DescribeTaskDefinition turns a record into the
 * SDK's `TaskDefinition` shape.
 */
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import type { Tag } from '../api/tags';

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';

/** Fields of the definition that the registry owns rather than the registered body. */
type RegistryOwned =
  | 'taskDefinitionArn'
  | 'family'
  | 'revision'
  | 'status'
  | 'registeredAt'
  | 'registeredBy'
  | 'deregisteredAt'
  | 'deleteRequestedAt';

/**
 * The registered definition as DescribeTaskDefinition shows it, defaults filled (see normalize.ts),
 * including the derived `compatibilities` and `requiresAttributes`. Plain JSON: no Dates inside.
 */
export type TaskDefinitionBody = Omit<TaskDefinition, RegistryOwned>;

export interface TaskDefinitionRecord {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  /** virtual ms */
  registeredAt: number;
  /** IAM principal ARN that registered it */
  registeredBy: string;
  /** virtual ms; set by DeregisterTaskDefinition */
  deregisteredAt?: number;
  /** virtual ms; set by DeleteTaskDefinitions */
  deleteRequestedAt?: number;
  tags: Tag[];
  body: TaskDefinitionBody;
}

export interface TaskDefinitionFamilyRecord {
  family: string;
  /**
   * The last revision number handed out. Numbering continues after deregistration and deletion,
   * so this is not always the highest revision still stored.
   */
  lastRevision: number;
  /** revisions in ascending order */
  revisions: TaskDefinitionRecord[];
}
