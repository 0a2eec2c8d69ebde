/** What the learner is looking at: the current cluster and the selected instance or task. */
export interface SelectedItem {
  taskArn?: string;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
}

export class Selection {
  /** cluster name shown on the map; undefined means "the first ACTIVE cluster" */
  cluster = $state<string | undefined>();
  item = $state<SelectedItem | undefined>();
  /** service ARN open in the Services panel */
  service = $state<string | undefined>();
  /** a task definition revision to open in the editor (the explorer asks, the editor clears it) */
  taskDefinitionArn = $state<string | undefined>();

  select(item: SelectedItem | undefined): void {
    this.item = item;
  }

  /** The cluster to show: the chosen one if it is still ACTIVE, else the first ACTIVE one. */
  resolveCluster(activeClusters: readonly string[]): string | undefined {
    if (this.cluster && activeClusters.includes(this.cluster)) return this.cluster;
    return activeClusters[0];
  }
}
