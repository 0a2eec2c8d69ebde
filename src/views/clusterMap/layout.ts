/**
 * Where everything on the cluster map goes. A pure function of the map model and the available
 * width: Availability Zones are columns; each EC2 instance is a card with a CPU bar and a memory bar
 * scaled to what it registered, each task a segment of both bars sized by its reservation; Fargate
 * tasks sit below, per AZ, as slots sized by their task cpu and memory.
 */
import { colorForGroup } from '../palette';
import { groupClusterMap, type MapGroupBy } from './group';
import type { ClusterMapModel, MapInstance, MapTask } from './model';

export const MAP = {
  padding: 12,
  zoneGap: 16,
  zoneHeader: 28,
  cardHeight: 94,
  cardGap: 10,
  cardHeader: 40,
  barHeight: 16,
  barGap: 6,
  barLabel: 40,
  fargateHeader: 34,
  slotGap: 6,
} as const;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One box of the map: an AZ, a service or an instance type (see group.ts); '' holds idle instances. */
export interface ZoneColumn extends Rect {
  key: string;
}

export interface InstanceBox extends Rect {
  key: string;
  instance: MapInstance;
  cpuBar: Rect;
  memoryBar: Rect;
}

export interface Segment extends Rect {
  /** `<taskArn>|cpu` or `<taskArn>|memory` */
  key: string;
  taskArn: string;
  resource: 'cpu' | 'memory';
  task: MapTask;
  color: string;
  instanceKey: string;
  /** left out by the map filter: drawn faint */
  dimmed: boolean;
}

export interface FargateSlot extends Rect {
  key: string;
  task: MapTask;
  color: string;
  spot: boolean;
  dimmed: boolean;
}

export interface FargateLabel {
  /** the AZ */
  key: string;
  x: number;
  y: number;
}

export interface ClusterMapLayout {
  width: number;
  height: number;
  zones: ZoneColumn[];
  instances: InstanceBox[];
  segments: Segment[];
  fargate: FargateSlot[];
  /** "Fargate" headings, one per AZ that has Fargate tasks */
  fargateLabels: FargateLabel[];
}

/** Slot size of a Fargate task: width grows with vCPU, height with memory (square roots keep 16 vCPU on screen). */
export function fargateSlotSize(cpu: number, memory: number): { w: number; h: number } {
  const vcpu = Math.max(0.25, cpu / 1024);
  const gib = Math.max(0.5, memory / 1024);
  return { w: Math.round(30 + 18 * Math.sqrt(vcpu / 0.25)), h: Math.round(20 + 8 * Math.sqrt(gib)) };
}

/** colorForGroup hashes the name; a cluster has few groups and thousands of tasks. */
function colorCache(): (group: string) => string {
  const colors = new Map<string, string>();
  return (group) => {
    let c = colors.get(group);
    if (c === undefined) colors.set(group, (c = colorForGroup(group)));
    return c;
  };
}

function segmentsFor(box: InstanceBox, dimmed: ReadonlySet<string>, color: (group: string) => string): Segment[] {
  const { instance } = box;
  const out: Segment[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    const bar = resource === 'cpu' ? box.cpuBar : box.memoryBar;
    const capacity = resource === 'cpu' ? instance.registeredCpu : instance.registeredMemory;
    if (capacity <= 0) continue;
    let x = bar.x;
    for (const task of instance.tasks) {
      const amount = resource === 'cpu' ? task.cpu : task.memory;
      const w = (Math.max(0, amount) / capacity) * bar.w;
      out.push({
        key: `${task.taskArn}|${resource}`,
        taskArn: task.taskArn,
        resource,
        task,
        color: color(task.group),
        instanceKey: instance.key,
        dimmed: dimmed.has(task.taskArn),
        x,
        y: bar.y,
        w: Math.max(w, amount > 0 ? 2 : 1),
        h: bar.h,
      });
      x += w;
    }
  }
  return out;
}

/** Narrowest AZ column before zones wrap onto another row. */
export const MIN_ZONE_WIDTH = 250;

export interface LayoutOptions {
  /** how the boxes are formed; AZ by default */
  groupBy?: MapGroupBy;
  /** task ARNs drawn faint (filtered out) */
  dimmed?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Boxes (AZs by default) in a grid (as many columns as fit at MIN_ZONE_WIDTH, wrapping into rows);
 * inside each, its EC2 instance cards stacked, then its Fargate tasks as a flow of slots.
 */
export function layoutClusterMap(model: ClusterMapModel, width: number, options: LayoutOptions = {}): ClusterMapLayout {
  const dimmed = options.dimmed ?? NONE;
  const color = colorCache();
  const columns = new Map(groupClusterMap(model, options.groupBy ?? 'az').map((c) => [c.key, c]));
  const zonesList = [...columns.keys()];
  const inner = Math.max(200, width - 2 * MAP.padding);
  const perRow = Math.max(1, Math.min(zonesList.length, Math.floor((inner + MAP.zoneGap) / (MIN_ZONE_WIDTH + MAP.zoneGap))));
  const colW = (inner - (perRow - 1) * MAP.zoneGap) / perRow;

  const zones: ZoneColumn[] = [];
  const instances: InstanceBox[] = [];
  const fargate: FargateSlot[] = [];
  const fargateLabels: FargateLabel[] = [];
  let rowTop: number = MAP.padding;
  for (let rowStart = 0; rowStart < zonesList.length; rowStart += perRow) {
    let rowBottom = rowTop;
    zonesList.slice(rowStart, rowStart + perRow).forEach((az, i) => {
      const x = MAP.padding + i * (colW + MAP.zoneGap);
      let y = rowTop + MAP.zoneHeader;
      for (const instance of columns.get(az)!.instances) {
        const barX = x + 10 + MAP.barLabel;
        const barW = Math.max(20, colW - 20 - MAP.barLabel);
        instances.push({
          key: instance.key,
          instance,
          x,
          y,
          w: colW,
          h: MAP.cardHeight,
          cpuBar: { x: barX, y: y + MAP.cardHeader, w: barW, h: MAP.barHeight },
          memoryBar: { x: barX, y: y + MAP.cardHeader + MAP.barHeight + MAP.barGap, w: barW, h: MAP.barHeight },
        });
        y += MAP.cardHeight + MAP.cardGap;
      }
      const tasks = columns.get(az)!.fargate;
      if (tasks.length > 0) {
        fargateLabels.push({ key: az, x, y: y + 14 });
        y += MAP.fargateHeader - 8;
        let cx = x;
        let rowH = 0;
        for (const task of tasks) {
          const size = fargateSlotSize(task.cpu, task.memory);
          if (cx > x && cx + size.w > x + colW) {
            cx = x;
            y += rowH + MAP.slotGap;
            rowH = 0;
          }
          fargate.push({
            key: task.taskArn,
            task,
            color: color(task.group),
            spot: task.capacityProviderName === 'FARGATE_SPOT',
            dimmed: dimmed.has(task.taskArn),
            x: cx,
            y,
            w: size.w,
            h: size.h,
          });
          cx += size.w + MAP.slotGap;
          rowH = Math.max(rowH, size.h);
        }
        y += rowH + MAP.slotGap;
      }
      zones.push({ key: az, x, y: rowTop, w: colW, h: Math.max(y - rowTop, MAP.zoneHeader + 8) });
      rowBottom = Math.max(rowBottom, y);
    });
    // every box in a row shares the row's height
    for (const z of zones) if (z.y === rowTop) z.h = Math.max(z.h, rowBottom - rowTop);
    rowTop = rowBottom + MAP.zoneGap;
  }

  const segments = instances.flatMap((box) => segmentsFor(box, dimmed, color));
  const height = zones.length > 0 ? rowTop - MAP.zoneGap + MAP.padding : MAP.padding * 2 + MAP.zoneHeader;
  return { width, height, zones, instances, segments, fargate, fargateLabels };
}
