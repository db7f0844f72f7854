// turbo looks for the package manager on PATH, and a fresh machine has no global pnpm;
// pnpm's own `bin` entry is a native binary its install script fetches (skipped when
// .tools/ is filled), so a two-line shim in .tools/bin runs pnpm.mjs with this Node.
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the setup scripts keep pnpm's entry script: `<root>/.tools/node_modules/pnpm/bin/pnpm.mjs`. */
export function localPnpm(root) {
  return join(root, '.tools', 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
}

/** Writes the shim for the pnpm in `<root>/.tools` and puts its folder first on this process's PATH. */
export function putPnpmOnPath(root) {
  const bin = join(root, '.tools', 'bin');
  const pnpmMjs = localPnpm(root);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'pnpm'), `#!/bin/sh\nexec "${process.execPath}" "${pnpmMjs}" "$@"\n`, {
    mode: 0o755,
  });
  process.env.PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;
}
