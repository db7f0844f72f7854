import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The bench's package folder, found from this module (the source file, or the built dist/cli.js). */
function benchRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@rfa/bench') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench speed --browser: cannot find the @rfa/bench package folder');
    dir = up;
  }
}

/** The page script and the two race workers, bundled for Chromium; file name → source text. */
export async function bundleRace(): Promise<Map<string, string>> {
  const here = join(benchRoot(), 'src', 'speed', 'browser');
  const out = await build({
    entryPoints: {
      page: join(here, 'race-page.ts'),
      'rfa-worker': join(here, 'rfa-worker.ts'),
      'tfjs-worker': join(here, 'tfjs-worker.ts'),
    },
    outdir: '/race',
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return new Map(out.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.text]));
}
