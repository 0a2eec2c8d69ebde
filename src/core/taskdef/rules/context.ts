/** What every ECS rule needs: the cleaned request, launch types, effective network mode, where to report. */
import type { ContainerDefinition, RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import { addError, addWarning, type CheckContext } from '../schemaCheck';
import type { IssueCode } from '../issues';
import { toPointer, type Segment } from '../pointer';

export interface IndexedContainer {
  c: ContainerDefinition;
  i: number;
  /** the container's name when it is usable, else `#<index>` */
  label: string;
}

export interface RuleInput {
  req: RegisterTaskDefinitionRequest;
  ctx: CheckContext;
  fargate: boolean;
  external: boolean;
  /** EC2 rules apply: EC2 listed, or no requiresCompatibilities at all */
  ec2: boolean;
  /** networkMode as written, or the default: bridge on Linux, Windows' default (NAT) otherwise */
  networkMode: string;
  networkModeGiven: boolean;
  windows: boolean;
  containers: IndexedContainer[];
  byName: Map<string, IndexedContainer>;
  error(segs: readonly Segment[], message: string, code?: IssueCode): void;
  warn(segs: readonly Segment[], message: string): void;
  /** true when the generic check already reported this member (or something under it) */
  isBad(segs: readonly Segment[]): boolean;
  /** where FARGATE sits in requiresCompatibilities, for errors caused by that choice */
  fargateSegs: Segment[];
}

export function buildRuleInput(req: RegisterTaskDefinitionRequest, ctx: CheckContext): RuleInput {
  const compat = (req.requiresCompatibilities ?? []).filter((x): x is NonNullable<typeof x> => typeof x === 'string');
  const fargateIndex = compat.indexOf('FARGATE');
  const os = req.runtimePlatform?.operatingSystemFamily;
  const windows = typeof os === 'string' && os.startsWith('WINDOWS');
  const containers: IndexedContainer[] = [];
  const byName = new Map<string, IndexedContainer>();
  (req.containerDefinitions ?? []).forEach((c, i) => {
    if (!c) return;
    const entry = { c, i, label: c.name ?? `#${i}` };
    containers.push(entry);
    if (c.name && !byName.has(c.name)) byName.set(c.name, entry);
  });
  return {
    req,
    ctx,
    fargate: fargateIndex >= 0,
    external: compat.includes('EXTERNAL'),
    ec2: compat.length === 0 || compat.includes('EC2'),
    networkMode: req.networkMode ?? (windows ? 'default' : 'bridge'),
    networkModeGiven: req.networkMode !== undefined,
    windows,
    containers,
    byName,
    error: (segs, message, code) => addError(ctx, segs, message, code),
    warn: (segs, message) => addWarning(ctx, segs, message),
    isBad: (segs) => {
      const p = toPointer(segs);
      for (const b of ctx.bad) if (b === p || b.startsWith(p + '/')) return true;
      return false;
    },
    fargateSegs: fargateIndex >= 0 ? ['requiresCompatibilities', fargateIndex] : [],
  };
}
