/**
 * Draws a cluster-map layout into an SVG <g> with keyed D3 joins: instances by container-instance
 * ARN (EC2 id while booting), task segments and Fargate slots by task ARN, so placements, moves and
 * stops animate instead of redrawing. D3 owns everything inside the <g>; all text goes in with .text().
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { ClusterMapLayout, FargateLabel, FargateSlot, InstanceBox, Segment, ZoneColumn } from './layout';
import type { MapInstance, MapTask } from './model';

export interface MapLabels {
  /** e.g. "1024 CPU · 6144 MiB free" */
  free: (instance: MapInstance) => string;
  cpu: string;
  memory: string;
  fargate: string;
  spot: string;
  states: Record<MapInstance['state'], string>;
  taskTitle: (task: MapTask) => string;
  instanceTitle: (instance: MapInstance) => string;
}

export interface RenderOptions {
  labels: MapLabels;
  /** ms for enter/update/exit animations; 0 disables them */
  duration: number;
  selected?: string;
  onSelect?: (key: { taskArn?: string; containerInstanceArn?: string; ec2InstanceId?: string }) => void;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

type Targets<D> = Record<string, (d: D) => string | number>;

/**
 * Moves each node to its target attributes: animated when they changed since the last render,
 * untouched when they did not. Re-rendering every frame (the clock runs) must not restart
 * animations, or they would crawl and never arrive.
 */
function settle<D>(selection: Selection<any, D, any, any>, duration: number, targets: Targets<D>): void {
  const names = Object.keys(targets);
  selection.each(function (d) {
    const node = this as Element & { __target?: string };
    const values = names.map((n) => targets[n](d));
    const signature = values.join('|');
    if (node.__target === signature) return;
    node.__target = signature;
    const one = select(node);
    if (duration > 0) {
      const tr = one.transition().duration(duration);
      names.forEach((n, i) => tr.attr(n, values[i]));
    } else {
      one.interrupt();
      names.forEach((n, i) => one.attr(n, values[i]));
    }
  });
}

/**
 * Removes leaving nodes, fading them out when animating. They are marked `exiting` so later renders
 * (every frame while the clock runs) do not select them again and restart their fade forever.
 */
function leave(selection: Selection<any, any, any, any>, duration: number): void {
  if (duration > 0) selection.classed('exiting', true).transition().duration(duration).attr('opacity', 0).remove();
  else selection.remove();
}

/** The name part of a task group (`service:web` → `web`), cut to what fits in `width` px. */
export function slotName(group: string, width: number): string {
  const name = group.slice(group.indexOf(':') + 1);
  const fits = Math.max(0, Math.floor((width - 6) / 6));
  if (name.length <= fits) return name;
  return fits >= 3 ? `${name.slice(0, fits - 1)}…` : '';
}

function layer(root: G, name: string): G {
  let g = root.select<SVGGElement>(`g.layer-${name}`);
  if (g.empty()) g = root.append('g').attr('class', `layer-${name}`);
  return g;
}

export function renderClusterMap(target: SVGGElement, layout: ClusterMapLayout, options: RenderOptions): void {
  const root = select(target) as G;
  const t = options.duration;
  const zonesLayer = layer(root, 'zones');
  const instancesLayer = layer(root, 'instances');
  const segmentsLayer = layer(root, 'segments');
  const fargateLayer = layer(root, 'fargate');

  // Availability Zone columns
  zonesLayer
    .selectAll<SVGGElement, ZoneColumn>('g.zone')
    .data(layout.zones, (d) => d.az)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'zone');
      g.append('rect').attr('class', 'zone-bg').attr('rx', 8);
      g.append('text').attr('class', 'zone-label');
      return g;
    })
    .call((g) => {
      g.select('rect').attr('x', (d) => d.x - 6).attr('y', (d) => d.y).attr('width', (d) => d.w + 12).attr('height', (d) => d.h + 4);
      g.select('text').attr('x', (d) => d.x).attr('y', (d) => d.y + 18).text((d) => d.az);
    });

  // Instances
  const instanceGroups = instancesLayer
    .selectAll<SVGGElement, InstanceBox>('g.instance:not(.exiting)')
    // one card per EC2 instance, from booting to gone, even when its registration changes
    .data(layout.instances, (d) => d.instance.ec2InstanceId)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'instance')
          .attr('opacity', 0);
        g.append('title');
        g.append('rect').attr('class', 'card').attr('rx', 6);
        g.append('text').attr('class', 'instance-id');
        g.append('text').attr('class', 'instance-state');
        g.append('text').attr('class', 'instance-free');
        g.append('text').attr('class', 'bar-label cpu-label');
        g.append('text').attr('class', 'bar-label mem-label');
        g.append('rect').attr('class', 'track cpu-track').attr('rx', 3);
        g.append('rect').attr('class', 'track mem-track').attr('rx', 3);
        g.on('click', (_event, d) =>
          options.onSelect?.({ containerInstanceArn: d.key.startsWith('arn:') ? d.key : undefined, ec2InstanceId: d.instance.ec2InstanceId }),
        );
        return g;
      },
      (update) => update,
      (exit) => {
        leave(exit, t);
        return exit;
      },
    )
    .attr('data-state', (d) => d.instance.state)
    .attr('data-key', (d) => d.key)
    .classed('selected', (d) => d.key === options.selected || d.instance.ec2InstanceId === options.selected)
    .call((g) => {
      g.select('title').text((d) => options.labels.instanceTitle(d.instance));
      g.select('rect.card').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('width', (d) => d.w).attr('height', (d) => d.h);
      g.select('text.instance-id')
        .attr('x', (d) => d.x + 10)
        .attr('y', (d) => d.y + 17)
        .text((d) => `${d.instance.ec2InstanceId} · ${d.instance.instanceType}`);
      g.select('text.instance-state')
        .attr('x', (d) => d.x + 10)
        .attr('y', (d) => d.y + 33)
        .text((d) => options.labels.states[d.instance.state]);
      g.select('text.instance-free')
        .attr('x', (d) => d.x + d.w - 10)
        .attr('y', (d) => d.y + 33)
        .text((d) => (d.instance.registeredCpu > 0 ? options.labels.free(d.instance) : ''));
      g.select('text.cpu-label').attr('x', (d) => d.x + 10).attr('y', (d) => d.cpuBar.y + 12).text(options.labels.cpu);
      g.select('text.mem-label').attr('x', (d) => d.x + 10).attr('y', (d) => d.memoryBar.y + 12).text(options.labels.memory);
      for (const [cls, bar] of [['rect.cpu-track', 'cpuBar'], ['rect.mem-track', 'memoryBar']] as const) {
        g.select(cls)
          .attr('x', (d) => d[bar].x)
          .attr('y', (d) => d[bar].y)
          .attr('width', (d) => (d.instance.registeredCpu > 0 ? d[bar].w : 0))
          .attr('height', (d) => d[bar].h);
      }
    });
  settle(instanceGroups, t, { opacity: () => 1 });

  // Task segments on the bars
  const segmentRects = segmentsLayer
    .selectAll<SVGRectElement, Segment>('rect.segment:not(.exiting)')
    .data(layout.segments, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append('rect')
          .attr('class', 'segment')
          .attr('x', (d) => d.x)
          .attr('y', (d) => d.y)
          .attr('height', (d) => d.h)
          .attr('width', 0)
          .call((r) => r.append('title'))
          .on('click', (_event, d) => options.onSelect?.({ taskArn: d.taskArn })),
      (update) => update,
      (exit) => {
        leave(exit, t);
        return exit;
      },
    )
    .attr('data-phase', (d) => d.task.phase)
    .attr('data-task', (d) => d.taskArn)
    .classed('selected', (d) => d.taskArn === options.selected)
    .style('--task-color', (d) => d.color)
    .call((r) => r.select('title').text((d) => options.labels.taskTitle(d.task)));
  settle(segmentRects, t, { x: (d) => d.x, y: (d) => d.y, width: (d) => d.w, height: (d) => d.h });

  // Fargate section
  fargateLayer
    .selectAll<SVGTextElement, FargateLabel>('text.fargate-label')
    .data(layout.fargateLabels, (d) => d.key)
    .join('text')
    .attr('class', 'fargate-label')
    .attr('x', (d) => d.x + 2)
    .attr('y', (d) => d.y)
    .text(options.labels.fargate);

  const slots = fargateLayer
    .selectAll<SVGGElement, FargateSlot>('g.slot:not(.exiting)')
    .data(layout.fargate, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'slot').attr('opacity', 0);
        g.append('title');
        g.append('rect')
          .attr('class', 'slot-box')
          .attr('rx', 4)
          .attr('x', (d) => d.x)
          .attr('y', (d) => d.y)
          .attr('width', (d) => d.w)
          .attr('height', (d) => d.h);
        g.append('text').attr('class', 'slot-name');
        g.append('text').attr('class', 'slot-spot');
        g.on('click', (_event, d) => options.onSelect?.({ taskArn: d.key }));
        return g;
      },
      (update) => update,
      (exit) => {
        leave(exit, t);
        return exit;
      },
    )
    .attr('data-phase', (d) => d.task.phase)
    .attr('data-task', (d) => d.key)
    .attr('data-spot', (d) => (d.spot ? 'true' : null))
    .classed('selected', (d) => d.key === options.selected)
    .style('--task-color', (d) => d.color)
    .call((g) => {
      g.select('title').text((d) => options.labels.taskTitle(d.task));
      g.select('text.slot-name')
        .attr('x', (d) => d.x + d.w / 2)
        .attr('y', (d) => d.y + (d.spot ? d.h / 2 - 1 : d.h / 2 + 4))
        .text((d) => slotName(d.task.group, d.w));
      g.select('text.slot-spot')
        .attr('x', (d) => d.x + d.w / 2)
        .attr('y', (d) => d.y + d.h / 2 + 9)
        .text((d) => (d.spot ? options.labels.spot : ''));
    });
  settle(slots, t, { opacity: () => 1 });
  settle(slots.select<SVGRectElement>('rect.slot-box'), t, { x: (d) => d.x, y: (d) => d.y, width: (d) => d.w, height: (d) => d.h });
}
