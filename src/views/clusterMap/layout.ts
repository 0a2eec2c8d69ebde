/**
 * Where everything on the cluster map goes. A pure function of the map model and the available
 * width: Availability Zones are columns; each EC2 instance is a card with a CPU bar and a memory bar
 * scaled to what it registered, each task a segment of both bars sized by its reservation; Fargate
 * tasks sit below, per AZ, as slots sized by their task cpu and memory.
 */
import { colorForGroup } from '../palette';
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

export interface ZoneColumn extends Rect {
  az: string;
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
}

export interface FargateSlot extends Rect {
  key: string;
  task: MapTask;
  color: string;
  spot: boolean;
}

export interface ClusterMapLayout {
  width: number;
  height: number;
  zones: ZoneColumn[];
  instances: InstanceBox[];
  segments: Segment[];
  fargate: FargateSlot[];
  /** y of the Fargate section header, when there are Fargate tasks */
  fargateTop?: number;
}

/** Slot size of a Fargate task: width grows with vCPU, height with memory (square roots keep 16 vCPU on screen). */
export function fargateSlotSize(cpu: number, memory: number): { w: number; h: number } {
  const vcpu = Math.max(0.25, cpu / 1024);
  const gib = Math.max(0.5, memory / 1024);
  return { w: Math.round(14 + 14 * Math.sqrt(vcpu / 0.25)), h: Math.round(14 + 6 * Math.sqrt(gib)) };
}

function segmentsFor(box: InstanceBox): Segment[] {
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
        color: colorForGroup(task.group),
        instanceKey: instance.key,
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

export function layoutClusterMap(model: ClusterMapModel, width: number): ClusterMapLayout {
  const zonesList = model.availabilityZones.length > 0 ? model.availabilityZones : [];
  const n = Math.max(1, zonesList.length);
  const inner = Math.max(200, width - 2 * MAP.padding);
  const colW = (inner - (n - 1) * MAP.zoneGap) / n;
  const zoneX = new Map<string, number>();
  zonesList.forEach((az, i) => zoneX.set(az, MAP.padding + i * (colW + MAP.zoneGap)));

  const instances: InstanceBox[] = [];
  const nextY = new Map<string, number>(zonesList.map((az) => [az, MAP.padding + MAP.zoneHeader]));
  for (const instance of model.instances) {
    const x = zoneX.get(instance.availabilityZone) ?? MAP.padding;
    const y = nextY.get(instance.availabilityZone) ?? MAP.padding + MAP.zoneHeader;
    nextY.set(instance.availabilityZone, y + MAP.cardHeight + MAP.cardGap);
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
  }
  const segments = instances.flatMap(segmentsFor);

  const ec2Bottom = Math.max(MAP.padding + MAP.zoneHeader, ...nextY.values());
  const fargate: FargateSlot[] = [];
  let fargateTop: number | undefined;
  let height = ec2Bottom;
  if (model.fargate.length > 0) {
    fargateTop = ec2Bottom + 6;
    const rowTop = fargateTop + MAP.fargateHeader;
    const cursor = new Map<string, { x: number; y: number; rowH: number }>();
    for (const task of model.fargate) {
      const az = task.availabilityZone ?? zonesList[0] ?? '';
      const left = zoneX.get(az) ?? MAP.padding;
      const c = cursor.get(az) ?? { x: left, y: rowTop, rowH: 0 };
      const size = fargateSlotSize(task.cpu, task.memory);
      if (c.x > left && c.x + size.w > left + colW) {
        c.x = left;
        c.y += c.rowH + MAP.slotGap;
        c.rowH = 0;
      }
      fargate.push({
        key: task.taskArn,
        task,
        color: colorForGroup(task.group),
        spot: task.capacityProviderName === 'FARGATE_SPOT',
        x: c.x,
        y: c.y,
        w: size.w,
        h: size.h,
      });
      c.x += size.w + MAP.slotGap;
      c.rowH = Math.max(c.rowH, size.h);
      cursor.set(az, c);
    }
    for (const c of cursor.values()) height = Math.max(height, c.y + c.rowH);
  }

  const zones: ZoneColumn[] = zonesList.map((az) => ({ az, x: zoneX.get(az)!, y: MAP.padding, w: colW, h: height - MAP.padding }));
  return { width, height: height + MAP.padding, zones, instances, segments, fargate, fargateTop };
}
