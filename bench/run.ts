/**
 * `npm run bench`: runs every case in bench/cases/, prints a table (figure, budget, ratio), writes
 * bench/results/latest.json (rows of { name, value, unit, budget, ok }) and appends a summary to
 * bench/history.json. A report, not a test: it exits 0 even when a figure is over budget.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase, BenchRow } from './harness';

const here = import.meta.dirname;
const only = process.argv.slice(2);

async function loadCases(): Promise<{ file: string; cases: BenchCase[] }[]> {
  const dir = join(here, 'cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const out = [];
  for (const file of files) {
    if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { cases?: BenchCase[] };
    out.push({ file: basename(file, '.ts'), cases: mod.cases ?? [] });
  }
  return out;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(3);
}

async function main() {
  const rows: BenchRow[] = [];
  for (const { file, cases } of await loadCases()) {
    for (const c of cases) {
      process.stdout.write(`  ${file}: ${c.name} ... `);
      try {
        const value = await c.run();
        const ok = c.higherIsBetter ? value >= c.budget : value <= c.budget;
        rows.push({ name: `${file}: ${c.name}`, value, unit: c.unit, budget: c.budget, ok });
        process.stdout.write(`${fmt(value)} ${c.unit}\n`);
      } catch (e) {
        rows.push({ name: `${file}: ${c.name}`, value: Number.NaN, unit: c.unit, budget: c.budget, ok: false });
        process.stdout.write(`failed: ${(e as Error).message}\n`);
      }
    }
  }

  const nameWidth = Math.max(10, ...rows.map((r) => r.name.length));
  console.log(`\n${'benchmark'.padEnd(nameWidth)}  ${'value'.padStart(10)}  ${'budget'.padStart(10)}  unit   ratio  ok`);
  for (const r of rows) {
    const ratio = r.budget === 0 ? Number.NaN : r.value / r.budget;
    console.log(
      `${r.name.padEnd(nameWidth)}  ${fmt(r.value).padStart(10)}  ${fmt(r.budget).padStart(10)}  ${r.unit.padEnd(5)}  ${fmt(ratio).padStart(5)}  ${r.ok ? 'yes' : 'NO'}`,
    );
  }

  const resultsDir = join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(rows, null, 2) + '\n');

  const historyPath = join(here, 'history.json');
  const history: unknown[] = existsSync(historyPath) ? JSON.parse(readFileSync(historyPath, 'utf8')) : [];
  history.push({
    date: new Date().toISOString(),
    node: process.version,
    rows: rows.map((r) => ({ name: r.name, value: Number(fmt(r.value)), unit: r.unit, ok: r.ok })),
  });
  writeFileSync(historyPath, JSON.stringify(history, null, 2) + '\n');
  console.log(`\nwrote bench/results/latest.json; ${rows.filter((r) => !r.ok).length} of ${rows.length} over budget`);
}

await main();
