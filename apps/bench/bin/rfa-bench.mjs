#!/usr/bin/env node
// Entry of `pnpm bench <subcommand>`: runs the built CLI, building it first if needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('rfa-bench: not built yet; building the workspace packages it needs…');
  const root = join(here, '..', '..', '..');
  const { localPnpm, putPnpmOnPath } = await import(
    pathToFileURL(join(root, 'scripts', 'pnpm-on-path.mjs')).href
  );
  const pnpmMjs = localPnpm(root);
  let [cmd, pre] = ['pnpm', []];
  if (existsSync(pnpmMjs)) {
    [cmd, pre] = [process.execPath, [pnpmMjs]];
    // turbo needs pnpm on PATH too (the fresh-machine setup has only .tools' copy)
    putPnpmOnPath(root);
  }
  const r = spawnSync(
    cmd,
    [...pre, 'exec', 'turbo', 'run', 'build', '--filter=@rfa/bench...', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
