/** Formatting of virtual times and durations for the UI. Pure; tested in format.test.ts. */

/** Elapsed virtual time as H:MM:SS (hours grow past 24). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The wall-clock moment a virtual time stands for, as `YYYY-MM-DD HH:MM:SS UTC`. */
export function formatWallClock(epochMs: number, virtualMs: number): string {
  const iso = new Date(epochMs + virtualMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** A short offset like `+1m 05s` for event lists. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `+${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `+${m}m ${String(s).padStart(2, '0')}s`;
  return `+${s}s`;
}
