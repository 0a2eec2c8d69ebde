/**
 * Drives virtual time from animation frames: while playing, each frame advances the simulation by
 * the wall time since the last frame × speed. Wall gaps are capped (a hidden tab does not come back
 * to a 10-hour jump) and fractions of a ms are carried so 1x stays exact.
 */
export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

/** Longest wall gap one frame may turn into virtual time, in ms. */
export const MAX_FRAME_GAP_MS = 250;

export interface FrameScheduler {
  request(callback: (timestamp: number) => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

export class ClockController {
  playing = $state(false);
  speed = $state<Speed>(1);

  #advance: (ms: number) => void;
  #scheduler: FrameScheduler;
  #handle: number | undefined;
  #last: number | undefined;
  #carry = 0;

  constructor(advance: (ms: number) => void, scheduler: FrameScheduler = animationFrames) {
    this.#advance = advance;
    this.#scheduler = scheduler;
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
    if (this.#last !== undefined) {
      const gap = Math.min(MAX_FRAME_GAP_MS, Math.max(0, timestamp - this.#last));
      const exact = gap * this.speed + this.#carry;
      const whole = Math.floor(exact);
      this.#carry = exact - whole;
      if (whole > 0) this.#advance(whole);
    }
    this.#last = timestamp;
    this.#handle = this.#scheduler.request(this.#tick);
  };
}
