import { describe, expect, it } from 'vitest';
import { ClockController, MAX_FRAME_GAP_MS, type FrameScheduler } from './clock.svelte';

/** A frame scheduler the test drives by hand. */
function manualFrames() {
  let pending: ((t: number) => void) | undefined;
  let next = 1;
  const scheduler: FrameScheduler = {
    request(cb) {
      pending = cb;
      return next++;
    },
    cancel() {
      pending = undefined;
    },
  };
  return {
    scheduler,
    frame(t: number) {
      const cb = pending;
      pending = undefined;
      cb?.(t);
    },
    get waiting() {
      return pending !== undefined;
    },
  };
}

describe('ClockController', () => {
  it('advances by wall time × speed while playing', () => {
    const frames = manualFrames();
    const advanced: number[] = [];
    const clock = new ClockController((ms) => advanced.push(ms), frames.scheduler);
    clock.setSpeed(60);
    clock.play();
    frames.frame(1000);
    frames.frame(1100);
    frames.frame(1200);
    expect(advanced).toEqual([6000, 6000]);
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
    const advanced: number[] = [];
    const clock = new ClockController((ms) => advanced.push(ms), frames.scheduler);
    clock.setSpeed(10);
    clock.play();
    frames.frame(0);
    frames.frame(3_600_000);
    expect(advanced).toEqual([MAX_FRAME_GAP_MS * 10]);
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
