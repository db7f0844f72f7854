#!/usr/bin/env node
// Prints the gzipped size of the built JavaScript and fails the build (exit 1) when what a
// visit loads before any choice (the page and its training worker, MNIST and the other data
// aside) is over the budget. Chunks reached only through import() (the GPU backend's gpu.js,
// fetched when a GPU backend is chosen) are listed apart, and the total of all is printed.
// Usage: node scripts/bundle-size.mjs [dist folder] [budget kB]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle } from './bundle-budget.mjs';

const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budget = Number(process.argv[3] ?? 300);
const { chunks, visit, total, entries } = measureBundle(dist);
console.log('bundle size (gzip -9):');
for (const c of chunks)
  console.log(`  ${c.loaded ? 'loaded ' : 'on use '} ${c.kb.toFixed(1).padStart(7)} kB  ${c.file}`);
console.log(
  `  JavaScript a visit loads (page + worker, without data): ${visit.toFixed(1)} kB of a ${budget} kB budget`,
);
console.log(`  all JavaScript, the GPU backend included: ${total.toFixed(1)} kB`);
if (entries.length === 0) {
  console.error('bundle-size: no entry script found in dist/index.html');
  process.exit(1);
}
if (visit > budget) {
  console.error(`bundle-size: a visit loads ${visit.toFixed(1)} kB, over the ${budget} kB budget`);
  process.exit(1);
}
