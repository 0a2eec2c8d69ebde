/**
 * createEcsClient is exported from src/core/index.ts but lives in its own module, so an app that
 * never calls it ships without the AWS SDK. Checked by bundling two tiny entries with Vite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const core = join(import.meta.dirname, '..', '..', 'src', 'core', 'index.ts');
const dir = mkdtempSync(join(tmpdir(), 'ecs-playground-treeshake-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles `source` for the browser and returns all output code. */
async function bundle(name: string, source: string): Promise<string> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source.replace('CORE', JSON.stringify(core)));
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: name } },
  })) as Rolldown.RolldownOutput[];
  return out[0].output.map((o) => ('code' in o ? o.code : '')).join('\n');
}

// Strings only the SDK's client carries: its auth scheme id and its client class.
const sdkPresent = (code: string) => code.includes('aws.auth#sigv4') || /class ECSClient\b/.test(code);

describe('tree-shaking of createEcsClient', () => {
  it('leaves the AWS SDK out of a bundle that uses the core without createEcsClient', async () => {
    const code = await bundle(
      'core-only',
      `import { createSimulation } from CORE;\nconst sim = createSimulation({ seed: 1 });\nsim.ecs.createCluster({ clusterName: 'x' });\nexport const now = sim.now();\n`,
    );
    expect(code).toContain('createCluster');
    expect(sdkPresent(code)).toBe(false);
  }, 60_000);

  it('brings the AWS SDK into a bundle that calls createEcsClient', async () => {
    const code = await bundle(
      'with-client',
      `import { createEcsClient, createSimulation } from CORE;\nexport const client = createEcsClient(createSimulation({ seed: 1 }));\n`,
    );
    expect(sdkPresent(code)).toBe(true);
  }, 60_000);
});
