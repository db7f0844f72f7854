import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = join(here, '../../..');

/** Bundles the harness (workspace packages from their sources) into one script. */
export async function bundleHarness(): Promise<string> {
  const out = await build({
    entryPoints: [join(here, 'harness.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        name: 'rfa-sources',
        setup(b) {
          b.onResolve({ filter: /^@rfa\/[^/]+(\/.+)?$/ }, (args) => {
            const [, name, sub] = /^@rfa\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
            return { path: join(packages, name, 'src', sub ? `${sub}.ts` : 'index.ts') };
          });
        },
      },
    ],
  });
  return out.outputFiles[0].text;
}

/** Serves a blank page and the bundle on 127.0.0.1 (a secure context, as WebGPU needs). */
export async function serveHarness(script: string): Promise<{ url: string; server: Server }> {
  const html =
    '<!doctype html><meta charset="utf-8"><title>rfa gpu conformance</title><script src="/harness.js"></script>';
  const server = createServer((req, res) => {
    const js = req.url === '/harness.js';
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
    res.end(js ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}
