/**
 * Paints the tasks of a cluster-map layout (bar segments, Fargate slots and their headings) on a
 * canvas, for clusters too big for one SVG node per task. Same look as the SVG render: the task's
 * service colour, faint with a dashed outline while starting, fainter while stopping, dimmed when
 * filtered out, a SPOT marker and dashed border for FARGATE_SPOT, a focus ring on the selection.
 * Clicks and hover use hitTest.ts on the same layout.
 */
import type { ClusterMapLayout, FargateSlot, InstanceBox, Rect, Segment } from './layout';
import { slotName } from './render';

/**
 * Above this many tasks they are painted on a canvas instead of one SVG node per task and
 * resource: keyed joins over thousands of nodes cost more than a frame (see docs/cluster-map.md).
 */
export const CANVAS_TASKS = 300;

export interface CanvasTheme {
  surface: string;
  text: string;
  textMuted: string;
  focus: string;
  font: string;
}

export interface CanvasPaint {
  theme: CanvasTheme;
  /** "Fargate tasks" heading and the Spot marker text */
  fargate: string;
  spot: string;
  selected?: string;
}

const DIMMED_ALPHA = 0.18;

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** A starting or stopping segment: faint fill with an outline (dashed while starting). Few at a time. */
function paintTransitional(ctx: CanvasRenderingContext2D, s: Segment): void {
  const base = s.dimmed ? DIMMED_ALPHA : 1;
  const starting = s.task.phase === 'starting';
  ctx.fillStyle = s.color;
  ctx.globalAlpha = base * (starting ? 0.35 : 0.2);
  ctx.fillRect(s.x, s.y, s.w, s.h);
  ctx.globalAlpha = base;
  ctx.strokeStyle = s.color;
  ctx.lineWidth = starting ? 1.5 : 1;
  ctx.setLineDash(starting ? [3, 2] : []);
  ctx.strokeRect(s.x + 0.5, s.y + 0.5, Math.max(0, s.w - 1), s.h - 1);
  ctx.setLineDash([]);
}

/**
 * Running segments in one filled path per colour (and dim state), then the thin gaps between
 * neighbours in one path: thousands of rectangles cost a handful of fill calls.
 */
function paintSegments(ctx: CanvasRenderingContext2D, segments: Segment[], theme: CanvasTheme): void {
  const solid = new Map<string, Segment[]>();
  const transitional: Segment[] = [];
  for (const s of segments) {
    if (s.task.phase === 'starting' || s.task.phase === 'stopping') {
      transitional.push(s);
      continue;
    }
    const key = `${s.dimmed ? 'd' : 'n'}${s.color}`;
    const list = solid.get(key);
    if (list) list.push(s);
    else solid.set(key, [s]);
  }
  for (const list of solid.values()) {
    ctx.globalAlpha = list[0].dimmed ? DIMMED_ALPHA : 1;
    ctx.fillStyle = list[0].color;
    ctx.beginPath();
    for (const s of list) ctx.rect(s.x, s.y, s.w, s.h);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.surface;
  ctx.beginPath();
  for (const s of segments) if (s.w >= 3) ctx.rect(s.x + s.w - 0.75, s.y, 0.75, s.h);
  ctx.fill();
  for (const s of transitional) paintTransitional(ctx, s);
  ctx.globalAlpha = 1;
}

function paintSlot(ctx: CanvasRenderingContext2D, f: FargateSlot, paint: CanvasPaint): void {
  const { theme } = paint;
  const phase = f.task.phase;
  const solid = phase === 'running' || phase === 'stopped';
  const base = f.dimmed ? DIMMED_ALPHA : 1;
  roundRect(ctx, f.x, f.y, f.w, f.h, 4);
  ctx.globalAlpha = base * (solid ? 1 : phase === 'starting' ? 0.35 : 0.2);
  ctx.fillStyle = f.color;
  ctx.fill();
  ctx.globalAlpha = base;
  if (f.spot) {
    ctx.strokeStyle = theme.text;
    ctx.setLineDash([2, 2]);
    ctx.lineWidth = 1;
  } else {
    ctx.strokeStyle = solid ? theme.surface : f.color;
    ctx.setLineDash(phase === 'starting' ? [3, 2] : []);
    ctx.lineWidth = phase === 'starting' ? 1.5 : 1;
  }
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = solid ? '#fff' : theme.text;
  ctx.textAlign = 'center';
  ctx.font = `600 10px ${theme.font}`;
  const name = slotName(f.task.group, f.w);
  if (name) ctx.fillText(name, f.x + f.w / 2, f.y + (f.spot ? f.h / 2 - 1 : f.h / 2 + 4));
  if (f.spot) {
    ctx.font = `700 9px ${theme.font}`;
    ctx.fillText(paint.spot, f.x + f.w / 2, f.y + f.h / 2 + 9);
  }
}

function paintSelection(ctx: CanvasRenderingContext2D, segments: Segment[], slots: FargateSlot[], paint: CanvasPaint): void {
  if (!paint.selected) return;
  ctx.globalAlpha = 1;
  ctx.strokeStyle = paint.theme.focus;
  ctx.lineWidth = 3;
  for (const s of segments) if (s.taskArn === paint.selected) ctx.strokeRect(s.x, s.y, Math.max(s.w, 2), s.h);
  for (const f of slots) {
    if (f.key !== paint.selected) continue;
    roundRect(ctx, f.x, f.y, f.w, f.h, 4);
    ctx.stroke();
  }
}

function paintFargate(ctx: CanvasRenderingContext2D, layout: ClusterMapLayout, paint: CanvasPaint): void {
  ctx.globalAlpha = 1;
  ctx.fillStyle = paint.theme.textMuted;
  ctx.textAlign = 'left';
  ctx.font = `600 12px ${paint.theme.font}`;
  for (const l of layout.fargateLabels) ctx.fillText(paint.fargate, l.x + 2, l.y);
  for (const f of layout.fargate) paintSlot(ctx, f, paint);
  paintSelection(ctx, [], layout.fargate, paint);
  ctx.globalAlpha = 1;
}

/** Clears and repaints every task. `ctx` is already scaled to CSS pixels. */
export function paintTasks(ctx: CanvasRenderingContext2D, layout: ClusterMapLayout, paint: CanvasPaint): void {
  ctx.clearRect(0, 0, layout.width, layout.height);
  paintSegments(ctx, layout.segments, paint.theme);
  paintSelection(ctx, layout.segments, [], paint);
  paintFargate(ctx, layout, paint);
}

/** Room around an instance's bars that its segments and selection ring may paint into. */
const RING = 3;

function barsArea(box: InstanceBox): Rect {
  return { x: box.cpuBar.x - RING, y: box.cpuBar.y - RING, w: box.cpuBar.w + 2 * RING, h: box.memoryBar.y + box.memoryBar.h - box.cpuBar.y + 2 * RING };
}

/** What an instance's bars were painted from: its place, and per segment the task object (kept while unchanged, see model.ts), width and state. */
interface Painted {
  area: Rect;
  segments: { task: object; x: number; w: number; dimmed: boolean; selected: boolean }[];
}

function painted(box: InstanceBox, segments: Segment[], selected: string | undefined): Painted {
  return { area: barsArea(box), segments: segments.map((s) => ({ task: s.task, x: s.x, w: s.w, dimmed: s.dimmed, selected: s.taskArn === selected })) };
}

function samePaint(a: Painted | undefined, b: Painted): boolean {
  if (!a || a.area.x !== b.area.x || a.area.y !== b.area.y || a.area.w !== b.area.w || a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) {
    const p = a.segments[i];
    const q = b.segments[i];
    if (p.task !== q.task || p.x !== q.x || p.w !== q.w || p.dimmed !== q.dimmed || p.selected !== q.selected) return false;
  }
  return true;
}

/**
 * Paints frame after frame, touching only the instances whose tasks changed since the last paint
 * (during a rolling deployment a few dozen of 200 per frame). A change of size, theme, labels or
 * of the Fargate area repaints everything.
 */
export class TaskPainter {
  #instances = new Map<string, Painted>();
  #whole = '';

  /** The canvas was cleared or replaced: the next paint draws everything. */
  reset(): void {
    this.#whole = '';
    this.#instances.clear();
  }

  paint(ctx: CanvasRenderingContext2D, layout: ClusterMapLayout, paint: CanvasPaint): void {
    const byInstance = new Map<string, Segment[]>();
    for (const s of layout.segments) {
      const list = byInstance.get(s.instanceKey);
      if (list) list.push(s);
      else byInstance.set(s.instanceKey, [s]);
    }
    let whole = `${layout.width}x${layout.height}|${JSON.stringify(paint.theme)}|${paint.fargate}|${paint.spot}|${paint.selected ?? ''}`;
    for (const f of layout.fargate) whole += `|${f.key}${f.task.phase}${f.dimmed ? 'd' : ''}${f.x},${f.y},${f.w},${f.h}`;
    for (const l of layout.fargateLabels) whole += `|${l.x},${l.y}`;
    const full = whole !== this.#whole;
    this.#whole = whole;

    const next = new Map<string, Painted>();
    const dirty: { box: InstanceBox; segments: Segment[] }[] = [];
    for (const box of layout.instances) {
      const segments = byInstance.get(box.key) ?? [];
      const now = painted(box, segments, paint.selected);
      next.set(box.key, now);
      if (full || !samePaint(this.#instances.get(box.key), now)) dirty.push({ box, segments });
    }

    if (full) {
      paintTasks(ctx, layout, paint);
    } else {
      // clear where changed or departed instances were, then paint the changed ones again
      for (const [key, was] of this.#instances) {
        const now = next.get(key);
        if (!now || !samePaint(was, now)) ctx.clearRect(was.area.x, was.area.y, was.area.w, was.area.h);
      }
      for (const { box, segments } of dirty) {
        const area = next.get(box.key)!.area;
        ctx.clearRect(area.x, area.y, area.w, area.h);
      }
      const changed = dirty.flatMap((d) => d.segments);
      paintSegments(ctx, changed, paint.theme);
      paintSelection(ctx, changed, [], paint);
    }
    this.#instances = next;
  }
}
