#!/usr/bin/env node
// Prints the gzipped size of the built JavaScript and fails the build when what a visit
// loads (the page's entry, its static imports and the worker they start, MNIST aside) is
// over the budget. Chunks reached only through a dynamic import() (the GPU backend's
// gpu.js, fetched when the GPU is chosen) are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const assets = join(dist, 'assets');
const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
const code = Object.fromEntries(files.map((f) => [f, readFileSync(join(assets, f), 'utf8')]));
const gz = (f) => gzipSync(code[f], { level: 9 }).length / 1000;

/** Chunks a chunk loads before it runs (static imports) and workers it starts. */
function eager(f) {
  const out = new Set();
  for (const m of code[f].matchAll(
    /(?:import|export)\s*(?:[\w{}*\s,$]*from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g,
  ))
    out.add(m[1]);
  for (const m of code[f].matchAll(
    /new Worker\(new URL\(\s*(?:new URL\()?\s*["'`](?:\.\/|\/assets\/)?([\w.-]+\.js)["'`]/g,
  ))
    out.add(m[1]);
  return [...out].filter((x) => x in code);
}

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
let total = 0;
console.log('bundle size (gzip -9):');
for (const f of files.sort()) {
  const kb = gz(f);
  if (loaded.has(f)) total += kb;
  console.log(`  ${loaded.has(f) ? 'loaded ' : 'on use '} ${kb.toFixed(1).padStart(7)} kB  ${basename(f)}`);
}
console.log(
  `  JavaScript a visit loads (page + worker, without MNIST): ${total.toFixed(1)} kB of a ${BUDGET_KB} kB budget`,
);
if (entries.length === 0 || total > BUDGET_KB) {
  console.error(
    entries.length === 0
      ? 'bundle-size: no entry script found in dist/index.html'
      : `bundle-size: over the ${BUDGET_KB} kB budget`,
  );
  process.exit(1);
}
