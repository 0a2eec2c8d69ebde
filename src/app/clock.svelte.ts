/**
 * Drives virtual time from animation frames: while playing, each frame owes the simulation the wall
 * time since the last frame × speed. Fractions of a ms are carried so 1x stays exact, and wall gaps
 * are capped (a hidden tab does not come back to a 10-hour jump).
 *
 * A frame pays what it owes in slices and stops between slices once its time budget is spent, so a
 * large simulation cannot turn one frame into a multi-second freeze (and the next frame into a still
 * bigger jump). What is left is paid in later frames; when the simulation cannot keep up, it never
 * falls more than MAX_FRAME_GAP_MS of wall time behind and the speed actually reached drops instead.
 */
export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * Longest wall gap one frame may turn into virtual time, and most wall time the clock may lag, in ms.
 * A second: a frame slowed by one expensive simulation step is made up in the next frames (the speed
 * asked is kept), while a tab coming back from the background jumps by one second × speed at most.
 */
export const MAX_FRAME_GAP_MS = 1_000;
/** Wall time a frame may always spend advancing, in ms; more when the rest of the frame takes longer. */
export const MIN_ADVANCE_BUDGET_MS = 8;
/**
 * Most wall time a frame spends advancing, in ms (plus the slice running when it is reached). While the
 * budget follows the rest of the frame, the speed reached does not depend on how slow rendering is
 * (half of every frame goes to the simulation); this only bounds pathological frames.
 */
export const MAX_ADVANCE_BUDGET_MS = 1_000;
/** One slice of virtual time is this much wall time × speed (a frame can stop after any slice). */
export const SLICE_WALL_MS = 4;

export interface FrameScheduler {
  request(callback: (timestamp: number) => void): number;
  cancel(handle: number): void;
  /** wall clock in ms (performance.now() by default) */
  now?(): number;
}

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
  now: () => performance.now(),
};

export class ClockController {
  playing = $state(false);
  speed = $state<Speed>(1);

  #advance: (ms: number) => void;
  #scheduler: FrameScheduler;
  #now: () => number;
  #handle: number | undefined;
  #last: number | undefined;
  /** virtual ms owed to the simulation (fractions included) */
  #owed = 0;
  /** wall ms the previous frame spent advancing */
  #advanceMs = 0;

  constructor(advance: (ms: number) => void, scheduler: FrameScheduler = animationFrames) {
    this.#advance = advance;
    this.#scheduler = scheduler;
    this.#now = scheduler.now ? () => scheduler.now!() : () => performance.now();
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.#last = undefined;
    this.#handle = this.#scheduler.request(this.#tick);
  }

  pause(): void {
    this.playing = false;
    if (this.#handle !== undefined) this.#scheduler.cancel(this.#handle);
    this.#handle = undefined;
    this.#last = undefined;
    this.#owed = Math.min(this.#owed, 1); // keep the fraction, drop a backlog
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    if ((SPEEDS as readonly number[]).includes(speed)) this.speed = speed;
  }

  /** Cycles to the next faster speed, wrapping to 1x. */
  faster(): void {
    const i = SPEEDS.indexOf(this.speed);
    this.speed = SPEEDS[(i + 1) % SPEEDS.length];
  }

  #tick = (timestamp: number): void => {
    if (!this.playing) return;
    const handle = this.#handle;
    if (this.#last !== undefined) {
      const frame = Math.max(0, timestamp - this.#last);
      const gap = Math.min(MAX_FRAME_GAP_MS, frame);
      this.#owed = Math.min(this.#owed + gap * this.speed, MAX_FRAME_GAP_MS * this.speed + 1);
      // As long as the rest of the last frame (rendering, idle) took, so at worst half a frame goes to
      // the simulation, and never more than a second.
      const budget = Math.min(MAX_ADVANCE_BUDGET_MS, Math.max(MIN_ADVANCE_BUDGET_MS, frame - this.#advanceMs));
      const slice = Math.max(1, SLICE_WALL_MS * this.speed);
      const start = this.#now();
      while (this.#owed >= 1) {
        const whole = Math.floor(Math.min(this.#owed, slice));
        this.#owed -= whole;
        this.#advance(whole);
        if (this.#handle !== handle || this.#now() - start >= budget) break;
      }
      this.#advanceMs = this.#now() - start;
    }
    if (this.#handle !== handle) return; // paused (or paused and played again) while advancing
    this.#last = timestamp;
    this.#handle = this.#scheduler.request(this.#tick);
  };
}
