/**
 * The app in Debian's Chromium, production build served locally (see bench/browser/session.ts):
 * first load against an empty Vite + Svelte page built in the same run, the JavaScript needed before
 * first paint, Monaco's start, frame times and simulation speed while 200 instances and 2,000 tasks
 * animate through a rolling deployment at 60×, and the heap after a 2-virtual-hour session.
 * The app is scripted through window.__playground, present only with ?bench in the address.
 */
import type { Page } from 'playwright-core';
import type {} from '../../tests/e2e/hooks';
import { eagerJs } from '../browser/eagerJs';
import { browserSession, closeBrowserSession, median, percentile } from '../browser/session';
import type { BenchCase } from '../harness';

declare global {
  interface Window {
    __seen?: Record<string, number>;
  }
}

/** Init script: window.__seen[selector] = ms since navigation start when it first exists, painted (two frames later). */
function seenScript(selectors: string[]): string {
  return `(() => {
    window.__seen = {};
    const selectors = ${JSON.stringify(selectors)};
    const check = () => {
      for (const s of selectors) if (!(s in window.__seen) && document.querySelector(s)) {
        window.__seen[s] = -1;
        requestAnimationFrame(() => requestAnimationFrame(() => { window.__seen[s] = performance.now(); }));
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();`;
}

async function timeToSeen(url: string, selectors: string[], waitFor: string): Promise<Record<string, number>> {
  const { newPage } = await browserSession();
  const page = await newPage();
  try {
    await page.addInitScript(seenScript(selectors));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction((s) => (window.__seen?.[s] ?? -1) > 0, waitFor, { timeout: 30_000 });
    return (await page.evaluate(() => window.__seen))!;
  } finally {
    await page.context().close();
  }
}

async function firstLoadMs(url: string, selector: string, runs = 5): Promise<number> {
  await timeToSeen(url, [selector], selector); // warm-up: OS file cache, Chromium's own start
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timeToSeen(url, [selector], selector))[selector]);
  return median(times);
}

const MAP = '#map-heading';
const EDITOR_HOST = '[data-testid="taskdef-editor"]';
const EDITOR_INPUT = '[data-testid="taskdef-editor"] .monaco-editor textarea';

/** Scripts the big rolling deployment, then samples frames for `sampleMs` of wall time at 60×. */
async function rollingDeploymentFrames(page: Page, sampleMs: number): Promise<{ frames: number[]; virtualMs: number; wallMs: number; running: number }> {
  return page.evaluate(async (sample) => {
    const p = window.__playground!.playground as unknown as {
      sim: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      advance(ms: number): void;
      act(fn: (sim: any) => unknown): { ok: boolean; error?: { message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
      clock: { play(): void; pause(): void; setSpeed(s: number): void };
    };
    const must = (r: { ok: boolean; error?: { message: string } }) => {
      if (!r.ok) throw new Error(r.error?.message);
    };
    must(p.act((sim) => sim.ecs.createCluster({ clusterName: 'bench' })));
    must(p.act((sim) => sim.infra.launchInstances({ cluster: 'bench', instanceType: 'm5.xlarge', count: 200 })));
    p.advance(180_000);
    const td = (image: string) => ({ family: 'web', containerDefinitions: [{ name: 'web', image, cpu: 128, memory: 256 }] });
    must(p.act((sim) => sim.ecs.registerTaskDefinition(td('nginx:1.26'))));
    must(p.act((sim) => sim.ecs.createService({ cluster: 'bench', serviceName: 'web', taskDefinition: 'web', desiredCount: 2000 })));
    const svc = () => p.sim.ecs.describeServices({ cluster: 'bench', services: ['web'] }).services[0];
    for (let i = 0; i < 360; i++) {
      p.advance(10_000);
      const s = svc();
      if (s.runningCount === 2000 && s.deployments.length === 1 && s.deployments[0].rolloutState === 'COMPLETED') break;
    }
    const running = svc().runningCount as number;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    must(p.act((sim) => sim.ecs.registerTaskDefinition(td('nginx:1.27'))));
    must(p.act((sim) => sim.ecs.updateService({ cluster: 'bench', service: 'web', taskDefinition: 'web' })));
    p.clock.setSpeed(60);
    const frames: number[] = [];
    const v0 = p.sim.now() as number;
    const t0 = performance.now();
    p.clock.play();
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const tick = (t: number) => {
        frames.push(t - last);
        last = t;
        if (t - t0 < sample) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    p.clock.pause();
    const wallMs = performance.now() - t0;
    return { frames: frames.slice(1), virtualMs: (p.sim.now() as number) - v0, wallMs, running };
  }, sampleMs);
}

/** Runs a moderate session for two virtual hours (rendering along the way) and returns the JS heap after GC, in KiB. */
async function heapAfterTwoHoursKiB(page: Page): Promise<number> {
  await page.evaluate(async () => {
    const p = window.__playground!.playground as unknown as {
      advance(ms: number): void;
      act(fn: (sim: any) => unknown): { ok: boolean }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    p.act((sim) => sim.ecs.createCluster({ clusterName: 'heap' }));
    p.act((sim) => sim.infra.launchInstances({ cluster: 'heap', instanceType: 'm5.large', count: 20 }));
    p.advance(180_000);
    const td = (image: string) => ({ family: 'api', containerDefinitions: [{ name: 'api', image, cpu: 128, memory: 256 }] });
    p.act((sim) => sim.ecs.registerTaskDefinition(td('nginx:1.26')));
    p.act((sim) => sim.ecs.createService({ cluster: 'heap', serviceName: 'api', taskDefinition: 'api', desiredCount: 100 }));
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let i = 0; i < 720; i++) {
      p.advance(10_000); // 720 × 10 s = 2 virtual hours
      if (i === 240 || i === 480) p.act((sim) => sim.ecs.registerTaskDefinition(td(i === 240 ? 'nginx:1.27' : 'nginx:1.28')));
      if (i === 241 || i === 481) p.act((sim) => sim.ecs.updateService({ cluster: 'heap', service: 'api', taskDefinition: 'api' }));
      if (i % 10 === 0) await frame();
    }
    await frame();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (!used) throw new Error('no JSHeapUsedSize metric');
  return used / 1024;
}

let emptyMs = 0;
let appMs = 0;
let frames: { frames: number[]; virtualMs: number; wallMs: number; running: number } | undefined;
const FIRST_LOAD_RATIO = 1.5;

export const cases: BenchCase[] = [
  {
    name: 'first load of an empty Vite + Svelte page, to painted and idle (median of 5)',
    unit: 'ms',
    budget: 1_000,
    run: async () => (emptyMs = await firstLoadMs((await browserSession()).emptyUrl, '#ready')),
  },
  {
    name: `first load until the cluster map is interactive (median of 5; budget ${FIRST_LOAD_RATIO}× the empty page)`,
    unit: 'ms',
    budget: Number.NaN,
    run: async function (this: void) {
      appMs = await firstLoadMs((await browserSession()).appUrl, MAP);
      cases[1].budget = Math.round(FIRST_LOAD_RATIO * emptyMs);
      return appMs;
    },
  },
  {
    name: 'first load, app ÷ empty page',
    unit: 'ratio',
    budget: FIRST_LOAD_RATIO,
    run: () => appMs / emptyMs,
  },
  {
    name: 'JavaScript before first paint (gzip)',
    unit: 'KB',
    budget: 150,
    run: async () => eagerJs((await browserSession()).appDist).gzipKiB,
  },
  {
    name: 'Monaco in the JavaScript before first paint (gzip)',
    unit: 'KB',
    budget: 0,
    run: async () =>
      eagerJs((await browserSession()).appDist)
        .files.filter((f) => /monaco|editor\.api|editor\.worker|json\.worker/i.test(f.file))
        .reduce((n, f) => n + f.gzipBytes, 0) / 1024,
  },
  {
    name: 'Monaco editable after the editor panel appears (median of 3)',
    unit: 'ms',
    budget: 1_500,
    run: async () => {
      const { appUrl } = await browserSession();
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const seen = await timeToSeen(appUrl, [EDITOR_HOST, EDITOR_INPUT], EDITOR_INPUT);
        times.push(seen[EDITOR_INPUT] - seen[EDITOR_HOST]);
      }
      return median(times);
    },
  },
  {
    name: 'frame time median, 200 instances and 2,000 tasks in a rolling deployment at 60×',
    unit: 'ms',
    budget: 16.7,
    run: async () => {
      const { appUrl, newPage } = await browserSession();
      const page = await newPage();
      try {
        await page.goto(`${appUrl}?bench`, { waitUntil: 'load' });
        await page.waitForFunction(() => !!window.__playground);
        frames = await rollingDeploymentFrames(page, 8_000);
        if (frames.running !== 2000) throw new Error(`service reached only ${frames.running} running tasks`);
        return median(frames.frames);
      } finally {
        await page.context().close();
      }
    },
  },
  {
    name: 'frame time p95, same run',
    unit: 'ms',
    budget: 16.7,
    run: () => {
      if (!frames) throw new Error('the frame-time run failed');
      return percentile(frames.frames, 95);
    },
  },
  {
    name: 'simulation speed at that size, 60× asked (virtual s per wall s)',
    unit: 'x',
    budget: 57,
    higherIsBetter: true,
    run: () => {
      if (!frames) throw new Error('the frame-time run failed');
      return frames.virtualMs / frames.wallMs;
    },
  },
  {
    name: 'JS heap after a 2-virtual-hour session (20 instances, 100-task service, 2 deployments; after GC)',
    unit: 'KB',
    budget: 100 * 1024,
    run: async () => {
      const { appUrl, newPage } = await browserSession();
      const page = await newPage();
      try {
        await page.goto(`${appUrl}?bench`, { waitUntil: 'load' });
        await page.waitForFunction(() => !!window.__playground);
        return await heapAfterTwoHoursKiB(page);
      } finally {
        await page.context().close();
        await closeBrowserSession(); // the last browser case: nothing may keep the process alive
      }
    },
  },
];
