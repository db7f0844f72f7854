#!/usr/bin/env node
// A README example is a program: each README marks the block that shows one,
//
//   <!-- example: examples/readme.ts -->
//   ```ts
//   (the file, verbatim)
//   ```
//
// and the file itself is what the pack test type-checks and runs. This keeps the two
// identical: `node readme-examples.mjs` exits 1 naming every README whose block differs
// from its file; `--write` copies the files into the READMEs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g;

/** The repository's READMEs that can show examples: the root one and each package's. */
export function readmePaths(root) {
  const paths = [join(root, 'README.md')];
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const path = join(root, 'packages', name, 'README.md');
    if (existsSync(path)) paths.push(path);
  }
  return paths;
}

/** The marked examples of one README: the file each names, what the README shows, what the file holds. */
export function readmeExamples(readmePath) {
  const text = readFileSync(readmePath, 'utf8');
  return [...text.matchAll(MARKER)].map((m) => {
    const file = join(dirname(readmePath), m[1]);
    return { file, shown: m[2], actual: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
  });
}

/** Copies every marked example's file into its README; returns whether the README changed. */
function writeReadme(readmePath) {
  const text = readFileSync(readmePath, 'utf8');
  const next = text.replace(MARKER, (whole, file) => {
    const path = join(dirname(readmePath), file);
    return existsSync(path)
      ? `<!-- example: ${file} -->\n\`\`\`ts\n${readFileSync(path, 'utf8')}\`\`\``
      : whole;
  });
  if (next !== text) writeFileSync(readmePath, next);
  return next !== text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const write = process.argv.includes('--write');
  let stale = 0;
  for (const readme of readmePaths(root)) {
    if (write) {
      if (writeReadme(readme)) console.log(`updated ${relative(root, readme)}`);
      continue;
    }
    for (const { file, shown, actual } of readmeExamples(readme)) {
      if (actual === undefined)
        console.error(`${relative(root, readme)}: ${relative(root, file)} does not exist`);
      else if (shown !== actual)
        console.error(`${relative(root, readme)} shows an old copy of ${relative(root, file)}`);
      else continue;
      stale++;
    }
  }
  if (stale > 0) {
    console.error('run: node tooling/release-checks/bin/readme-examples.mjs --write');
    process.exit(1);
  }
}
