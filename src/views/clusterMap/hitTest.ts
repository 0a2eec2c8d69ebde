/**
 * What is under a point of the cluster map, from the layout alone: used for clicks and hover when
 * tasks are painted on a canvas (no DOM node per task), and for the hover tooltip in both modes.
 */
import type { ClusterMapLayout, FargateSlot, InstanceBox, Rect, Segment } from './layout';

export type MapHit =
  | { kind: 'segment'; segment: Segment; box: InstanceBox }
  | { kind: 'slot'; slot: FargateSlot }
  | { kind: 'instance'; box: InstanceBox };

const inside = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

/** Segments of each instance, by instance key, built once per layout. */
const segmentsByInstance = new WeakMap<ClusterMapLayout, Map<string, Segment[]>>();

function segmentsOf(layout: ClusterMapLayout, key: string): Segment[] {
  let index = segmentsByInstance.get(layout);
  if (!index) {
    index = new Map();
    for (const s of layout.segments) {
      const list = index.get(s.instanceKey);
      if (list) list.push(s);
      else index.set(s.instanceKey, [s]);
    }
    segmentsByInstance.set(layout, index);
  }
  return index.get(key) ?? [];
}

/** The task segment, Fargate slot or instance card at (x, y) in map coordinates; tasks win over their card. */
export function hitTest(layout: ClusterMapLayout, x: number, y: number): MapHit | undefined {
  for (const box of layout.instances) {
    if (!inside(box, x, y)) continue;
    // the last segment drawn is on top; thin segments get a 1 px grace on each side
    const segments = segmentsOf(layout, box.key);
    for (let i = segments.length - 1; i >= 0; i--) {
      const s = segments[i];
      if (y >= s.y && y < s.y + s.h && x >= s.x - (s.w < 3 ? 1 : 0) && x < s.x + Math.max(s.w, 2)) return { kind: 'segment', segment: s, box };
    }
    return { kind: 'instance', box };
  }
  for (const slot of layout.fargate) if (inside(slot, x, y)) return { kind: 'slot', slot };
  return undefined;
}
