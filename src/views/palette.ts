/**
 * Stable colours for task groups (services and families): the same group always gets the same colour,
 * whatever else is on screen. Hues chosen to stay apart for common colour-vision deficiencies and to
 * read on both the light and the dark theme; colour is never the only carrier of meaning (labels and
 * patterns carry it too).
 */
export const GROUP_PALETTE = [
  '#3b82c4', // blue
  '#e08a1e', // orange
  '#2f9e74', // green
  '#c9557a', // pink
  '#7c6bc4', // violet
  '#b59a1a', // olive
  '#3aa3b8', // teal
  '#b4563a', // brick
  '#5f7d95', // slate
  '#8e5aa8', // purple
] as const;

/** FNV-1a hash of a string, for stable palette picks. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function colorForGroup(group: string): string {
  return GROUP_PALETTE[hashString(group) % GROUP_PALETTE.length];
}
