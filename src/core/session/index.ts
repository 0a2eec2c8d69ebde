/** Sessions: one payload format for share links, files, autosave and the embed API. */
export { sessionOf, readSession, parseSession, openSession } from './payload';
export type { SessionPayload, SessionResult, SessionOptions, SessionLesson } from './payload';
export { migrateSession, sessionVersionOf, MIGRATIONS, SESSION_FORMAT, SESSION_VERSION } from './migrate';
export { recipeProblem } from './recipeShape';
export * from './limits';
export { CheckpointStore, rebuildAt, followJournal, replayBounded, positionOf } from './checkpoints';
export type { Checkpoint, CheckpointStoreOptions, RunPosition } from './checkpoints';
