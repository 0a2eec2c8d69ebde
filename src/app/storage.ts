/**
 * localStorage that never breaks the app: when storage is disabled, full or holds garbage,
 * reads give the fallback and writes report failure instead of throwing.
 */
export function readPreference<T extends string>(key: string, allowed: readonly T[]): T | undefined {
  try {
    const value = globalThis.localStorage?.getItem(key);
    return value !== null && value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writePreference(key: string, value: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Any stored text, or undefined when absent or when storage cannot be read. */
export function readText(key: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}
