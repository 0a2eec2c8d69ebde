/**
 * Browser tests run against the production build in dist/, served from a sub-path, in Debian's
 * Chromium. Missing pieces fail the run with what to do; nothing is skipped silently.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';
import { serveStatic, type StaticServer } from './static-server';

let server: StaticServer | undefined;

export async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  // E2E_DIST lets several people test their own builds side by side (vite build --outDir ...).
  const dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`Browser tests need the production build in ${dist}: run \`npm run build\` first (npm test does this for you).`);
  }
  const chromium = findChromium();
  server = await serveStatic(dist, '/learn/ecs/playground/');
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromium);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}
