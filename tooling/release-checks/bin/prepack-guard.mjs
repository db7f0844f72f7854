#!/usr/bin/env node
// `prepack` of every publishable package: refuses to pack (or publish) a package whose
// tarball would miss a file its package.json points at (an unbuilt or half-built dist),
// or whose build is older than its sources. Run from the package's directory.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every file path a package.json points at: main, module, types and each `exports` target. */
export function entryFiles(pkg) {
  const files = new Set();
  const visit = (value) => {
    if (typeof value === 'string') files.add(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) visit(v);
  };
  for (const field of ['main', 'module', 'types']) visit(pkg[field]);
  visit(pkg.exports);
  return [...files].filter((f) => !f.includes('*')).sort();
}

/** The newest modification time of the sources under `dir` (tests left out). */
function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name.endsWith('.test.ts')) continue; // tests are not built into dist
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** What stops `dir` from being packed, one line each; empty when it may be packed. */
export function packProblems(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const problems = [];
  for (const file of ['README.md', 'LICENSE']) {
    if (!existsSync(join(dir, file))) problems.push(`${file} is missing`);
  }
  const entries = entryFiles(pkg);
  if (entries.length === 0) problems.push('package.json names no entry file (main, types, exports)');
  const missing = entries.filter((f) => !existsSync(join(dir, f)));
  for (const f of missing) problems.push(`${f} is missing (not built?)`);
  if (missing.length === 0 && entries.length > 0) {
    const sources = newestMtime(join(dir, 'src'));
    const stale = entries.filter((f) => statSync(join(dir, f)).mtimeMs < sources);
    if (stale.length > 0) {
      problems.push(`${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} older than src/ (stale build)`);
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.cwd();
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  const problems = packProblems(dir);
  if (problems.length > 0) {
    console.error(
      `prepack: refusing to pack ${name} (${relative(process.env.INIT_CWD ?? dir, dir) || '.'}):`,
    );
    for (const p of problems) console.error(`  - ${p}`);
    console.error(`build it first: pnpm --filter ${name} build (or pnpm build at the root)`);
    process.exit(1);
  }
}
