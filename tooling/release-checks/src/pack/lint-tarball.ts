import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { run } from './commands.js';

const require = createRequire(import.meta.url);
const attwBin = join(require.resolve('@arethetypeswrong/cli/package.json'), '..', 'dist', 'index.js');

/** publint's findings on a tarball, by severity, each as a readable line. */
export async function publintTarball(file: string): Promise<{ errors: string[]; warnings: string[] }> {
  const bytes = readFileSync(file);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball }, level: 'warning' });
  const text = (m: (typeof messages)[number]) => `${m.code}: ${formatMessage(m, pkg) ?? ''}`;
  return {
    errors: messages.filter((m) => m.type === 'error').map(text),
    warnings: messages.filter((m) => m.type === 'warning').map(text),
  };
}

/**
 * @arethetypeswrong/cli on a tarball: whether the types resolve, and match the JS, for
 * every entry under node16 (from ESM and from CJS) and bundler resolution. Profile
 * `node16` leaves out node10 (`moduleResolution: "node"`), which cannot see subpath
 * exports (`./node`, `./internal`) at all and which TypeScript 6 deprecates; the
 * packages need Node >= 20.16 anyway.
 */
export function attwTarball(file: string): { status: number | null; output: string } {
  const r = run(
    process.execPath,
    [attwBin, file, '--profile', 'node16', '--format', 'ascii'],
    join(file, '..'),
  );
  return { status: r.status, output: r.stdout + r.stderr };
}
