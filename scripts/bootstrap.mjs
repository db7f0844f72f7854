#!/usr/bin/env node
// The two README commands land here (`npm start`, `npm test`). A fresh machine has
// only Node 20 and npm: this fetches the pinned pnpm into .tools/ with npm (no
// global install, no corepack), installs the workspace from the lockfile, builds,
// then runs the main job or the whole test suite.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const tools = join(root, '.tools');
const pnpmBin = join(tools, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');

function run(cmd, args, options = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`\n✗ '${[cmd, ...args].join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

function pnpm(...args) {
  run(process.execPath, [pnpmBin, ...args]);
}

/**
 * The optional `gl` package (headless WebGL for the GPU backend's Node tests) builds
 * from source with node-gyp, which would download Node's headers; point it at the
 * headers installed with this Node instead (no network needed). If gl still fails
 * to build, pnpm skips it (optional) and the GPU tests say they skipped headless GL.
 */
function useLocalNodeHeaders() {
  const prefix = dirname(dirname(process.execPath));
  if (!process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node.h'))) {
    process.env.npm_config_nodedir = prefix;
  }
}

function ensurePnpm() {
  const installed =
    existsSync(pnpmBin) &&
    JSON.parse(readFileSync(join(tools, 'node_modules', 'pnpm', 'package.json'), 'utf8')).version;
  if (installed === PNPM_VERSION) return;
  run('npm', [
    'install',
    '--prefix',
    tools,
    '--no-save',
    '--no-package-lock',
    '--ignore-scripts',
    `pnpm@${PNPM_VERSION}`,
  ]);
}

function summarizeTests() {
  const dir = join(root, '.rfa-test-results');
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(dir)) return total;
  for (const f of readdirSync(dir)) {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    total.passed += c.passed;
    total.failed += c.failed + (c.errors ?? 0);
    total.skipped += c.skipped;
  }
  return total;
}

const job = process.argv[2] ?? 'test';
ensurePnpm();
useLocalNodeHeaders();
pnpm('install', '--frozen-lockfile');
if (job === 'test') {
  rmSync(join(root, '.rfa-test-results'), { recursive: true, force: true });
  pnpm('exec', 'biome', 'check', '.');
  pnpm('exec', 'turbo', 'run', 'build', 'typecheck', '--output-logs=errors-only');
  const r = spawnSync(
    process.execPath,
    [pnpmBin, 'exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const t = summarizeTests();
  console.log(`\ntests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  process.exit(r.status === 0 && t.failed === 0 ? 0 : 1);
} else if (job === 'main') {
  pnpm('exec', 'turbo', 'run', 'build', '--output-logs=errors-only');
  pnpm('bench', ...(process.argv.length > 3 ? process.argv.slice(3) : ['main']));
} else {
  console.error(`bootstrap: unknown job '${job}' (use 'test' or 'main')`);
  process.exit(2);
}
