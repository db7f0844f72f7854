import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFromSources } from '@rfa/browser-testing';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Bundles the harness (workspace packages from their sources) into one script. */
export const bundleHarness = (): Promise<string> => bundleFromSources(join(here, 'harness.ts'));

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
