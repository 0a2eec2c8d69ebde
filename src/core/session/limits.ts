/**
 * Limits for sessions that come from outside (share links, files, postMessage, storage). They keep a
 * hostile or broken payload from making the page parse, replay or remember without end.
 */
/** largest session text accepted, in bytes (after decompression) */
export const MAX_SESSION_BYTES = 4 * 1024 * 1024;
/** most journaled calls in one session */
export const MAX_JOURNAL_ENTRIES = 20_000;
/** latest virtual time a session may reach: one virtual day */
export const MAX_VIRTUAL_MS = 24 * 60 * 60 * 1000;
/** most queue entries a replay may fire */
export const MAX_FIRED = 20_000_000;
/** deepest nesting in a session payload (task definitions inside journal arguments) */
export const MAX_SESSION_DEPTH = 100;
