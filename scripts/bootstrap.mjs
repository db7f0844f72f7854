#!/usr/bin/env node
// The two README commands land here (`npm start`, `npm test`). A fresh machine has
// only Node 20 and npm: this fetches the pinned pnpm into .tools/ with npm (no
// global install, no corepack), installs the workspace from the lockfile, builds,
// then runs the main job or the whole test suite. `ci` (what .ci/run calls) is `test`
// and then the unit suites again on Node 24, fetched into .tools/ with npm as well.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localPnpm, putPnpmOnPath } from './pnpm-on-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const tools = join(root, '.tools');
/** The second Node the unit suites run on (the current LTS), from the npm package that ships its binary. */
const NODE24_VERSION = '24.22.3';
const pnpmBin = localPnpm(root);

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

/** Installs Node 24 into .tools/node24 (once) and returns the directory of its `node`. */
function ensureNode24() {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(tools, 'node24');
  const binDir = join(prefix, 'node_modules', pkg, 'bin');
  const manifest = join(prefix, 'node_modules', pkg, 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === NODE24_VERSION)
    return binDir;
  run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', `${pkg}@${NODE24_VERSION}`]);
  return binDir;
}

/** The unit suites (every package but the release checks, which test the tarballs) on Node 24. */
function testOnNode24() {
  const binDir = ensureNode24();
  const env = {
    ...process.env,
    PATH: `${binDir}:${process.env.PATH}`,
    // A results folder of its own, and a different task hash so turbo's cache cannot replay Node 20's run.
    RFA_TEST_RESULTS: '.rfa-test-results-node24',
    RFA_NODE: '24',
  };
  rmSync(join(root, env.RFA_TEST_RESULTS), { recursive: true, force: true });
  console.log(`\n$ (Node ${NODE24_VERSION}) turbo run test --filter=!@rfa/release-checks`);
  const r = spawnSync(
    process.execPath,
    [
      pnpmBin,
      'exec',
      'turbo',
      'run',
      'test',
      '--concurrency=1',
      '--continue',
      '--force',
      '--filter=!@rfa/release-checks',
    ],
    { cwd: root, stdio: 'inherit', env },
  );
  const t = summarizeTests(env.RFA_TEST_RESULTS);
  console.log(`\nnode 24 tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  return { ok: r.status === 0 && t.failed === 0, ...t };
}

function summarizeTests(folder = '.rfa-test-results') {
  const dir = join(root, folder);
  const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (!existsSync(dir)) return total;
  for (const f of readdirSync(dir)) {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    total.passed += c.passed;
    total.failed += c.failed + (c.errors ?? 0);
    total.skipped += c.skipped;
    for (const failure of c.failures ?? []) total.failures.push(`${f.replace(/\.json$/, '')} › ${failure}`);
  }
  return total;
}

const job = process.argv[2] ?? 'test';
ensurePnpm();
putPnpmOnPath(root);
useLocalNodeHeaders();
pnpm('install', '--frozen-lockfile');
if (job === 'test' || job === 'ci') {
  rmSync(join(root, '.rfa-test-results'), { recursive: true, force: true });
  pnpm('exec', 'turbo', 'run', 'build', 'typecheck', '--output-logs=errors-only');
  // biome, then the boundaries: sherif (manifests), knip (unused files, exports, dependencies),
  // dependency-cruiser (the layering; it resolves workspace imports to the builds made above)
  pnpm('run', 'lint');
  const r = spawnSync(
    process.execPath,
    [pnpmBin, 'exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const t = summarizeTests();
  let ok = r.status === 0 && t.failed === 0;
  if (job === 'ci') {
    console.log(`\nnode 20 tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
    const t24 = testOnNode24();
    ok &&= t24.ok;
    for (const k of ['passed', 'failed', 'skipped']) t[k] += t24[k];
    t.failures.push(...t24.failures.map((f) => `(node 24) ${f}`));
  }
  // Named again at the end: a CI log may keep only its tail.
  for (const failure of t.failures) console.log(`✗ ${failure}`);
  console.log(`\ntests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  process.exit(ok ? 0 : 1);
} else if (job === 'main') {
  pnpm('exec', 'turbo', 'run', 'build', '--output-logs=errors-only');
  pnpm('bench', ...(process.argv.length > 3 ? process.argv.slice(3) : ['main']));
} else {
  console.error(`bootstrap: unknown job '${job}' (use 'test', 'ci' or 'main')`);
  process.exit(2);
}
