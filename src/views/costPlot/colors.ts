/** Colours of the cost plot's kinds (from the shared palette, readable on both themes); the legend uses them too. */
import { GROUP_PALETTE } from '../palette';
import type { PlotKind } from './layout';

export const COST_COLORS: Readonly<Record<PlotKind, string>> = {
  ec2: GROUP_PALETTE[0],
  fargate: GROUP_PALETTE[1],
  spot: GROUP_PALETTE[2],
};
