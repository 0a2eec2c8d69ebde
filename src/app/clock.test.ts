import { describe, expect, it } from 'vitest';
import { ClockController, MAX_ADVANCE_BUDGET_MS, MAX_FRAME_GAP_MS, MIN_ADVANCE_BUDGET_MS, SLICE_WALL_MS, type FrameScheduler } from './clock.svelte';

/** A frame scheduler (and wall clock) the test drives by hand. */
function manualFrames() {
  let pending: ((t: number) => void) | undefined;
  let next = 1;
  const wall = { now: 0 };
  const scheduler: FrameScheduler = {
    request(cb) {
      pending = cb;
      return next++;
    },
    cancel() {
      pending = undefined;
    },
    now: () => wall.now,
  };
  return {
    scheduler,
    wall,
    frame(t: number) {
      const cb = pending;
      pending = undefined;
      wall.now = t;
      cb?.(t);
    },
    get waiting() {
      return pending !== undefined;
    },
  };
}

/** Records what each frame advanced in total. */
function perFrame() {
  const frames: number[] = [];
  let current = 0;
  return {
    advance: (ms: number) => (current += ms),
    endFrame() {
      frames.push(current);
      current = 0;
    },
    frames,
  };
}

describe('ClockController', () => {
  it('advances by wall time × speed while playing', () => {
    const frames = manualFrames();
    const sums = perFrame();
    const clock = new ClockController(sums.advance, frames.scheduler);
    clock.setSpeed(60);
    clock.play();
    frames.frame(1000);
    frames.frame(1100);
    sums.endFrame();
    frames.frame(1200);
    sums.endFrame();
    expect(sums.frames).toEqual([6000, 6000]);
  });

  it('carries fractions of a millisecond so 1x stays exact', () => {
    const frames = manualFrames();
    let total = 0;
    const clock = new ClockController((ms) => (total += ms), frames.scheduler);
    clock.play();
    let t = 0;
    frames.frame(t);
    for (let i = 0; i < 60; i++) frames.frame((t += 1000 / 60));
    expect(total).toBeGreaterThanOrEqual(999);
    expect(total).toBeLessThanOrEqual(1000);
  });

  it('caps a long wall gap (hidden tab) to one short step', () => {
    const frames = manualFrames();
    let total = 0;
    const clock = new ClockController((ms) => (total += ms), frames.scheduler);
    clock.setSpeed(10);
    clock.play();
    frames.frame(0);
    frames.frame(3_600_000);
    expect(total).toBe(MAX_FRAME_GAP_MS * 10);
  });

  it('advances in slices of SLICE_WALL_MS × speed', () => {
    const frames = manualFrames();
    const calls: number[] = [];
    const clock = new ClockController((ms) => calls.push(ms), frames.scheduler);
    clock.setSpeed(60);
    clock.play();
    frames.frame(0);
    frames.frame(10);
    expect(calls).toEqual([SLICE_WALL_MS * 60, SLICE_WALL_MS * 60, 2 * 60]);
  });

  it('stops a frame once its advance budget is spent and pays the rest in later frames', () => {
    const frames = manualFrames();
    const sums = perFrame();
    // every slice costs 5 ms of wall time: an expensive simulation
    const clock = new ClockController((ms) => {
      sums.advance(ms);
      frames.wall.now += 5;
    }, frames.scheduler);
    clock.setSpeed(60);
    clock.play();
    frames.frame(0);
    frames.frame(100); // owes 6000 virtual ms; the budget (100 ms, the frame so far) allows 20 slices of 240
    sums.endFrame();
    expect(sums.frames[0]).toBe(20 * SLICE_WALL_MS * 60);
    expect(frames.wall.now - 100).toBe(100);
    frames.frame(220); // the rest of the last frame took 20 ms: at most 4 slices now
    sums.endFrame();
    expect(sums.frames[1]).toBe(4 * SLICE_WALL_MS * 60);
    expect(frames.wall.now - 220).toBeGreaterThanOrEqual(MIN_ADVANCE_BUDGET_MS);
  });

  it('spends at most MAX_ADVANCE_BUDGET_MS advancing, however long the rest of the frame took', () => {
    const frames = manualFrames();
    const sums = perFrame();
    const clock = new ClockController((ms) => {
      sums.advance(ms);
      frames.wall.now += 100;
    }, frames.scheduler);
    clock.setSpeed(600);
    clock.play();
    frames.frame(0);
    frames.frame(5_000); // rendering took 5 s: owes 600,000 virtual ms (the lag cap), may spend 1 s on it
    sums.endFrame();
    expect(frames.wall.now - 5_000).toBe(MAX_ADVANCE_BUDGET_MS);
    expect(sums.frames[0]).toBe((MAX_ADVANCE_BUDGET_MS / 100) * SLICE_WALL_MS * 600);
  });

  it('never lags more than MAX_FRAME_GAP_MS of wall time behind: a backlog beyond that is dropped', () => {
    const frames = manualFrames();
    let total = 0;
    // a simulation so slow that every frame gets one slice only
    const clock = new ClockController((ms) => {
      total += ms;
      frames.wall.now += 1_000;
    }, frames.scheduler);
    clock.setSpeed(600);
    clock.play();
    let t = 0;
    frames.frame(t);
    for (let i = 0; i < 50; i++) frames.frame((t = frames.wall.now + 16));
    expect(total).toBe(50 * SLICE_WALL_MS * 600);
    clock.pause();
    // after the pause no backlog is left: a new run advances by its own frames only
    total = 0;
    clock.setSpeed(1);
    clock.play();
    frames.frame((t += 16));
    frames.frame((t += 16));
    expect(total).toBeLessThanOrEqual(17);
  });

  it('stops mid-frame when an advance pauses the clock', () => {
    const frames = manualFrames();
    const calls: number[] = [];
    const clock = new ClockController((ms) => {
      calls.push(ms);
      clock.pause();
    }, frames.scheduler);
    clock.setSpeed(60);
    clock.play();
    frames.frame(0);
    frames.frame(100);
    expect(calls).toEqual([SLICE_WALL_MS * 60]);
    expect(frames.waiting).toBe(false);
  });

  it('stops asking for frames when paused and ignores unknown speeds', () => {
    const frames = manualFrames();
    const clock = new ClockController(() => {}, frames.scheduler);
    clock.play();
    expect(frames.waiting).toBe(true);
    clock.pause();
    expect(frames.waiting).toBe(false);
    expect(clock.playing).toBe(false);
    clock.setSpeed(7 as never);
    expect(clock.speed).toBe(1);
    clock.faster();
    expect(clock.speed).toBe(10);
  });
});
