/**
 * Draws a cluster-map layout into an SVG <g> with keyed D3 joins: instances by container-instance
 * ARN (EC2 id while booting), task segments and Fargate slots by task ARN, so placements, moves and
 * stops animate instead of redrawing. D3 owns everything inside the <g>; all text goes in with .text().
 */
import { select, type BaseType, type Selection } from 'd3-selection';
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
  /** heading of a box: the AZ, service or instance type (`''` = the box of idle instances) */
  column: (key: string) => string;
}

export interface RenderOptions {
  labels: MapLabels;
  /** ms for enter/update/exit animations; 0 disables them */
  duration: number;
  selected?: string;
  onSelect?: (key: MapSelection) => void;
  /** tasks are painted on a canvas (canvas.ts) instead: no SVG node per task */
  tasksOnCanvas?: boolean;
}

export interface MapSelection {
  taskArn?: string;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
}

/** What selecting an instance card hands to onSelect (booting instances have no container-instance ARN yet). */
export function instanceSelection(box: InstanceBox): MapSelection {
  return { containerInstanceArn: box.key.startsWith('arn:') ? box.key : undefined, ec2InstanceId: box.instance.ec2InstanceId };
}

/**
 * True when `node` was last drawn from the same `signature`: its attributes and text are then left
 * alone. With thousands of tasks, rewriting every attribute and <title> each frame was most of the
 * map's cost; only what changed since the last frame is touched now.
 */
function unchanged(node: Element, signature: string): boolean {
  const n = node as Element & { __drawn?: string };
  if (n.__drawn === signature) return true;
  n.__drawn = signature;
  return false;
}

/** Enter and Space on a focused card or task select it, like a click. */
function onActivate(handler: (event: KeyboardEvent) => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    handler(event);
  };
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

function instanceHeading(d: InstanceBox): string {
  return `${d.instance.ec2InstanceId} · ${d.instance.instanceType}`;
}

/**
 * What the instance card shows, in reading order. Its accessible name starts with this, so a voice
 * user can say what they see (WCAG 2.5.3, label in name); the full title follows.
 */
export function instanceVisibleText(d: InstanceBox, labels: MapLabels): string {
  const free = d.instance.registeredCpu > 0 ? labels.free(d.instance) : '';
  return [instanceHeading(d), labels.states[d.instance.state], free, labels.cpu, labels.memory].filter(Boolean).join(' · ');
}

/**
 * A space between the <text> children of a card: SVG does not draw it, but accessibility engines
 * read the card's visible words from these nodes and would otherwise run them together.
 */
function spaceTexts<D, P extends BaseType, PD>(g: Selection<SVGGElement, D, P, PD>): void {
  g.each(function () {
    for (const text of Array.from(this.querySelectorAll(':scope > text')).slice(1)) this.insertBefore(this.ownerDocument.createTextNode(' '), text);
  });
}

/** A stable number per labels object, so a language switch redraws every text once. */
const labelIds = new WeakMap<MapLabels, number>();
let nextLabelsId = 1;
function labelsId(labels: MapLabels): number {
  let id = labelIds.get(labels);
  if (id === undefined) labelIds.set(labels, (id = nextLabelsId++));
  return id;
}

function taskSignature(task: MapTask, selected: boolean, dimmed: boolean, labels: MapLabels): string {
  return `${task.lastStatus}|${task.desiredStatus}|${task.cpu}|${task.memory}|${task.ports.join(',')}|${selected}|${dimmed}|${labelsId(labels)}`;
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
    .data(layout.zones, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'zone');
      g.append('rect').attr('class', 'zone-bg').attr('rx', 8);
      g.append('text').attr('class', 'zone-label');
      return g;
    })
    .call((g) => {
      g.select('rect').attr('x', (d) => d.x - 6).attr('y', (d) => d.y).attr('width', (d) => d.w + 12).attr('height', (d) => d.h + 4);
      g.select('text').attr('x', (d) => d.x).attr('y', (d) => d.y + 18).text((d) => options.labels.column(d.key));
    });

  // Instances
  instancesLayer
    .selectAll<SVGGElement, InstanceBox>('g.instance:not(.exiting)')
    // one card per EC2 instance, from booting to gone, even when its registration changes
    .data(layout.instances, (d) => d.instance.ec2InstanceId)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'instance')
          .attr('tabindex', 0)
          .attr('role', 'button')
          .attr('opacity', 0);
        g.append('title');
        g.append('rect').attr('class', 'card').attr('rx', 6);
        g.append('text').attr('class', 'instance-id').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'instance-state').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'instance-free').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'bar-label cpu-label').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'bar-label mem-label').attr('aria-hidden', 'true');
        g.append('rect').attr('class', 'track cpu-track').attr('rx', 3);
        g.append('rect').attr('class', 'track mem-track').attr('rx', 3);
        spaceTexts(g);
        return g;
      },
      (update) => update,
      (exit) => {
        leave(exit, t);
        return exit;
      },
    )
    .on('click', (_event, d) => options.onSelect?.(instanceSelection(d)))
    .on('keydown', onActivate((event) => options.onSelect?.(instanceSelection(select(event.currentTarget as SVGGElement).datum() as InstanceBox))))
    .filter(function (d) {
      const i = d.instance;
      const selected = d.key === options.selected || i.ec2InstanceId === options.selected;
      return !unchanged(
        this,
        `${d.key}|${d.x}|${d.y}|${d.w}|${i.state}|${i.status}|${i.agentConnected}|${i.registeredCpu}|${i.registeredMemory}|${i.remainingCpu}|${i.remainingMemory}|${selected}|${labelsId(options.labels)}`,
      );
    })
    .attr('data-state', (d) => d.instance.state)
    .attr('data-key', (d) => d.key)
    .attr('aria-label', (d) => `${instanceVisibleText(d, options.labels)}. ${options.labels.instanceTitle(d.instance)}`)
    .classed('selected', (d) => d.key === options.selected || d.instance.ec2InstanceId === options.selected)
    .call((g) => {
      g.select('title').text((d) => options.labels.instanceTitle(d.instance));
      g.select('rect.card').attr('x', (d) => d.x).attr('y', (d) => d.y).attr('width', (d) => d.w).attr('height', (d) => d.h);
      g.select('text.instance-id')
        .attr('x', (d) => d.x + 10)
        .attr('y', (d) => d.y + 17)
        .text((d) => instanceHeading(d));
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
  settle(instancesLayer.selectAll<SVGGElement, InstanceBox>('g.instance:not(.exiting)'), t, { opacity: () => 1 });

  // Task segments on the bars
  segmentsLayer
    .selectAll<SVGRectElement, Segment>('rect.segment:not(.exiting)')
    .data(options.tasksOnCanvas ? [] : layout.segments, (d) => d.key)
    .join(
      (enter) =>
        enter
          .append('rect')
          .attr('class', 'segment')
          .attr('x', (d) => d.x)
          .attr('y', (d) => d.y)
          .attr('height', (d) => d.h)
          .attr('width', 0)
          .call((r) => r.append('title')),
      (update) => update,
      (exit) => {
        leave(exit, t);
        return exit;
      },
    )
    .on('click', (_event, d) => options.onSelect?.({ taskArn: d.taskArn }))
    .filter(function (d) {
      return !unchanged(this, `${taskSignature(d.task, d.taskArn === options.selected, d.dimmed, options.labels)}|${d.color}`);
    })
    .attr('data-phase', (d) => d.task.phase)
    .attr('data-task', (d) => d.taskArn)
    .attr('data-dimmed', (d) => (d.dimmed ? 'true' : null))
    .classed('selected', (d) => d.taskArn === options.selected)
    .style('--task-color', (d) => d.color)
    .call((r) => r.select('title').text((d) => options.labels.taskTitle(d.task)));
  settle(segmentsLayer.selectAll<SVGRectElement, Segment>('rect.segment:not(.exiting)'), t, { x: (d) => d.x, y: (d) => d.y, width: (d) => d.w, height: (d) => d.h });

  // Fargate section
  fargateLayer
    .selectAll<SVGTextElement, FargateLabel>('text.fargate-label')
    .data(options.tasksOnCanvas ? [] : layout.fargateLabels, (d) => d.key)
    .join('text')
    .attr('class', 'fargate-label')
    .attr('x', (d) => d.x + 2)
    .attr('y', (d) => d.y)
    .text(options.labels.fargate);

  fargateLayer
    .selectAll<SVGGElement, FargateSlot>('g.slot:not(.exiting)')
    .data(options.tasksOnCanvas ? [] : layout.fargate, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'slot').attr('tabindex', 0).attr('role', 'button').attr('opacity', 0);
        g.append('title');
        g.append('rect')
          .attr('class', 'slot-box')
          .attr('rx', 4)
          .attr('x', (d) => d.x)
          .attr('y', (d) => d.y)
          .attr('width', (d) => d.w)
          .attr('height', (d) => d.h);
        g.append('text').attr('class', 'slot-name').attr('aria-hidden', 'true');
        g.append('text').attr('class', 'slot-spot').attr('aria-hidden', 'true');
        spaceTexts(g);
        return g;
      },
      (update) => update,
      (exit) => {
        leave(exit, t);
        return exit;
      },
    )
    .on('click', (_event, d) => options.onSelect?.({ taskArn: d.key }))
    .on('keydown', onActivate((event) => options.onSelect?.({ taskArn: (select(event.currentTarget as SVGGElement).datum() as FargateSlot).key })))
    .filter(function (d) {
      return !unchanged(this, `${taskSignature(d.task, d.key === options.selected, d.dimmed, options.labels)}|${d.color}|${d.x}|${d.y}|${d.w}|${d.spot}`);
    })
    .attr('data-phase', (d) => d.task.phase)
    .attr('data-task', (d) => d.key)
    .attr('data-spot', (d) => (d.spot ? 'true' : null))
    .attr('data-dimmed', (d) => (d.dimmed ? 'true' : null))
    .attr('aria-label', (d) => {
      const visible = [slotName(d.task.group, d.w), d.spot ? options.labels.spot : ''].filter(Boolean).join(' ');
      return visible ? `${visible}. ${options.labels.taskTitle(d.task)}` : options.labels.taskTitle(d.task);
    })
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
  const allSlots = fargateLayer.selectAll<SVGGElement, FargateSlot>('g.slot:not(.exiting)');
  settle(allSlots, t, { opacity: () => 1 });
  settle(allSlots.select<SVGRectElement>('rect.slot-box'), t, { x: (d) => d.x, y: (d) => d.y, width: (d) => d.w, height: (d) => d.h });
}
