/** What the simulation stores for a cluster. Counts are derived from other records when described. */
import type { Tag } from './tags';

export type ClusterStatus = 'ACTIVE' | 'PROVISIONING' | 'DEPROVISIONING' | 'FAILED' | 'INACTIVE';

export interface CapacityProviderStrategyItemRecord {
  capacityProvider: string;
  weight: number;
  base: number;
}

export interface ClusterRecord {
  clusterArn: string;
  clusterName: string;
  status: ClusterStatus;
  /** virtual ms */
  createdAt: number;
  tags: Tag[];
  settings: { name: 'containerInsights'; value: string }[];
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItemRecord[];
}
