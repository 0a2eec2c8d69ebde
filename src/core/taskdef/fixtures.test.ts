/**
 * Our own corpus of realistic task definitions (fixtures/*.json): Fargate, EC2 bridge/host/awsvpc,
 * EXTERNAL, multi-container with dependsOn and health checks, secrets, FireLens, EFS, EBS, GPUs,
 * ARM64 and Windows. Every one must validate, without placeholder or malformed-image warnings.
 */
import { describe, expect, it } from 'vitest';
import { validateTaskDefinition } from './validate';

const fixtures = import.meta.glob<string>('./fixtures/*.json', { eager: true, query: '?raw', import: 'default' });
const entries = Object.entries(fixtures).sort(([a], [b]) => a.localeCompare(b));

describe('fixtures: realistic definitions all validate', () => {
  it('there are at least 25 of them, covering the launch types, OSes and features', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
    const all = entries.map(([, text]) => text).join('\n');
    for (const feature of [
      '"FARGATE"', '"EC2"', '"EXTERNAL"', '"networkMode": "bridge"', '"networkMode": "host"', '"networkMode": "awsvpc"',
      '"dependsOn"', '"healthCheck"', '"secrets"', '"firelensConfiguration"', '"efsVolumeConfiguration"', '"type": "GPU"',
      '"cpuArchitecture": "ARM64"', '"WINDOWS_SERVER_', '"configuredAtLaunch"', '"proxyConfiguration"',
    ]) {
      expect(all, feature).toContain(feature);
    }
  });

  for (const [path, text] of entries) {
    it(`${path.replace('./fixtures/', '')} validates`, () => {
      const r = validateTaskDefinition(text);
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.warnings.filter((w) => /placeholder|not a well-formed image|latest tag/.test(w.message))).toEqual([]);
    });
  }
});
