/**
 * The JavaScript a built page needs before its first paint: the module scripts and modulepreloads
 * of index.html and every module they import statically, transitively (dynamic `import()` excluded).
 * Sizes are gzip (level 9, as served compressed) in KiB.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EagerJs {
  files: { file: string; gzipBytes: number }[];
  gzipKiB: number;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g;

export function eagerJs(distDir: string): EagerJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((src) => normalize(join(distDir, src)));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      if (m[1].startsWith('.')) queue.push(normalize(join(dirname(file), m[1])));
    }
  }
  const files = [...seen].map((f) => ({ file: relative(distDir, f), gzipBytes: gzipSync(readFileSync(f), { level: 9 }).length }));
  return { files, gzipKiB: files.reduce((n, f) => n + f.gzipBytes, 0) / 1024 };
}
