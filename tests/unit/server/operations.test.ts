import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown, operationCoverage, withCoverage } from '../../../src/server/operationCoverage';

describe('operation coverage', () => {
  it('splits every SDK command into implemented and not implemented, with no overlap', () => {
    const c = operationCoverage();
    expect(c.all.length).toBeGreaterThan(80);
    expect([...c.implemented, ...c.missing].sort()).toEqual(c.all);
    expect(c.implemented).toContain('CreateCluster');
  });

  it("README.md lists exactly the operations the facade serves (regenerate: node --import tsx src/server/operations.ts --write)", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(withCoverage(readme)).toBeDefined();
    expect(withCoverage(readme), 'README.md is out of date: run node --import tsx src/server/operations.ts --write').toBe(readme);
  });

  it('writes the list between the markers and leaves the rest of the text alone', () => {
    const block = coverageMarkdown({ all: ['A', 'B'], implemented: ['A'], missing: ['B'] });
    expect(block.split('\n').slice(1, -1)).toEqual(['Implemented (1 of 2): `A`.', '', 'Not simulated yet (1): `B`.']);
    const [begin, end] = [block.split('\n')[0], block.split('\n').at(-1)];
    expect(withCoverage(`x\n${begin}\nold\n${end}\ny`, block)).toBe(`x\n${block}\ny`);
    expect(withCoverage('no markers', block)).toBeUndefined();
  });
});
