/** Finds where a JSON pointer points in the parsed tree: the value, or the key for `at: 'key'`. */
import type { Node } from 'jsonc-parser';
import { fromPointer } from './pointer';

function child(node: Node, seg: string): { prop?: Node; value?: Node } | undefined {
  if (node.type === 'object') {
    let found: Node | undefined;
    for (const p of node.children ?? []) if (p.children?.[0]?.value === seg) found = p; // last duplicate wins
    return found ? { prop: found, value: found.children?.[1] } : undefined;
  }
  if (node.type === 'array' && /^\d+$/.test(seg)) {
    const v = node.children?.[Number(seg)];
    return v ? { value: v } : undefined;
  }
  return undefined;
}

/** Offset for a pointer; when the path does not exist, the deepest existing ancestor. */
export function offsetOf(root: Node, pointer: string, at?: 'key'): number {
  let node = root;
  const segs = fromPointer(pointer);
  for (let i = 0; i < segs.length; i++) {
    const next = child(node, segs[i]);
    if (!next) return node.offset;
    const last = i === segs.length - 1;
    if (last && at === 'key' && next.prop?.children?.[0]) return next.prop.children[0].offset;
    if (!next.value) return next.prop?.offset ?? node.offset;
    node = next.value;
  }
  return node.offset;
}
