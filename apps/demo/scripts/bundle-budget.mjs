// What a built demo's JavaScript weighs, gzipped: which chunks a visit loads before any
// choice (the page's entry, its static imports, the worker it starts and the worker's
// static imports) and which only on use (reached through import(): the GPU backend).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static imports and re-exports of a sibling chunk: `import … from "./x.js"`, `import "./x.js"`. */
const STATIC_IMPORT = /(?:import|export)\s*(?:[\w{}*\s,$]*from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g;
/** A chunk's URL built at run time, as a worker's is: `new URL("x.js", import.meta.url)`. */
const CHUNK_URL = /new URL\(\s*["'`](?:\.\/|\/assets\/)?([\w.-]+\.js)["'`]\s*,\s*import\.meta\.url/g;

/**
 * Measures `dist` (Vite's output: `index.html`, `assets/*.js`): each chunk's gzip -9 size in
 * kB and whether a visit loads it; `visit` the sum a visit loads, `total` every chunk's.
 * @returns {{ chunks: { file: string, kb: number, loaded: boolean }[], visit: number, total: number, entries: string[] }}
 */
export function measureBundle(dist) {
  const assets = join(dist, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const code = Object.fromEntries(files.map((f) => [f, readFileSync(join(assets, f), 'utf8')]));
  const eager = (f) =>
    [...code[f].matchAll(STATIC_IMPORT), ...code[f].matchAll(CHUNK_URL)]
      .map((m) => m[1])
      .filter((x) => x in code);
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\.?\/?assets\/([\w.-]+\.js)"/g)].map((m) => m[1]);
  const loaded = new Set();
  const queue = [...entries];
  while (queue.length) {
    const f = queue.pop();
    if (loaded.has(f)) continue;
    loaded.add(f);
    queue.push(...eager(f));
  }
  const chunks = files.sort().map((file) => ({
    file,
    kb: gzipSync(code[file], { level: 9 }).length / 1000,
    loaded: loaded.has(file),
  }));
  const sum = (cs) => cs.reduce((s, c) => s + c.kb, 0);
  return { chunks, visit: sum(chunks.filter((c) => c.loaded)), total: sum(chunks), entries };
}
