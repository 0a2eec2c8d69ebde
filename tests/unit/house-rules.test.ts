/**
 * House rules that keep the core pure and the UI safe, checked over the source tree:
 * - src/core and src/scenarios never touch the DOM, the wall clock, timers, Math.random, Svelte, D3 or Monaco;
 * - no Svelte component renders text as HTML ({@html}), and nothing evaluates strings as code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

/** Source without comments, so prose that mentions a forbidden call does not count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const pureFiles = [
  ...filesUnder(join(root, 'src', 'core'), ['.ts']),
  ...filesUnder(join(root, 'src', 'scenarios'), ['.ts']),
].filter((f) => !f.endsWith('.test.ts'));

const forbiddenInCore: [string, RegExp][] = [
  ['Date.now()', /\bDate\.now\s*\(/],
  ['new Date() without a time', /new\s+Date\s*\(\s*\)/],
  ['performance.now()', /\bperformance\.now\s*\(/],
  ['Math.random()', /\bMath\.random\s*\(/],
  ['setTimeout', /\bsetTimeout\s*\(/],
  ['setInterval', /\bsetInterval\s*\(/],
  ['requestAnimationFrame', /\brequestAnimationFrame\s*\(/],
  ['the DOM (document)', /\bdocument\s*\./],
  ['the DOM (window)', /\bwindow\s*\./],
  ['localStorage', /\blocalStorage\b/],
  ['Svelte', /from\s+['"]svelte(\/[^'"]*)?['"]/],
  ['D3', /from\s+['"]d3(-[a-z]+)?['"]/],
  ['Monaco', /from\s+['"]monaco-editor[^'"]*['"]/],
  ['a .svelte module', /from\s+['"][^'"]+\.svelte(\.ts|\.js)?['"]/],
];

describe('the core is pure and deterministic', () => {
  it('has source files to check', () => {
    expect(pureFiles.length).toBeGreaterThan(5);
  });

  for (const [what, pattern] of forbiddenInCore) {
    it(`never uses ${what}`, () => {
      const offenders = pureFiles.filter((f) => pattern.test(code(f))).map((f) => relative(root, f));
      expect(offenders).toEqual([]);
    });
  }
});

describe('user text is never code or HTML', () => {
  const appFiles = filesUnder(join(root, 'src'), ['.ts', '.svelte']).filter((f) => !f.endsWith('.test.ts'));

  it('no Svelte component uses {@html}', () => {
    const offenders = appFiles.filter((f) => f.endsWith('.svelte') && /\{@html\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('nothing calls eval or new Function', () => {
    const offenders = appFiles.filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(code(f)));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('no code assigns innerHTML or outerHTML', () => {
    const offenders = appFiles.filter((f) => /\.(inner|outer)HTML\s*=/.test(code(f)) || /\.html\s*\(/.test(code(f)));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe('the rule checker itself', () => {
  it('catches each forbidden pattern in a sample', () => {
    const samples: Record<string, string> = {
      'Date.now()': 'const t = Date.now();',
      'Math.random()': 'const r = Math.random();',
      Svelte: "import { mount } from 'svelte';",
      D3: "import { select } from 'd3-selection';",
      Monaco: "import * as m from 'monaco-editor/editor/editor.api.js';",
    };
    for (const [what, sample] of Object.entries(samples)) {
      const rule = forbiddenInCore.find(([w]) => w === what)!;
      expect(rule[1].test(sample), what).toBe(true);
    }
  });
});
