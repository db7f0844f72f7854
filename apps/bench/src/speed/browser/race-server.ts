import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>rfa speed race</title></head>
<body><p>rfa speed race: see the bench's terminal.</p><script src="page.js"></script></body></html>`;

/** Headers that make the page cross-origin isolated (SharedArrayBuffer, wasm threads). */
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Serves the race on 127.0.0.1: the page, the bundled scripts, and tfjs-backend-wasm's
 * binaries under /tfjs-wasm/, every response cross-origin isolated unless `isolate` is false.
 */
export async function serveRace(
  scripts: Map<string, string>,
  tfjsWasmDir: string,
  isolate = true,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const headers = isolate ? ISOLATION : {};
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(PAGE);
      return;
    }
    const script = scripts.get(path.slice(1));
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript', ...headers });
      res.end(script);
      return;
    }
    const wasm = /^\/tfjs-wasm\/([\w.-]+\.wasm)$/.exec(path)?.[1];
    if (wasm && existsSync(join(tfjsWasmDir, wasm))) {
      res.writeHead(200, { 'content-type': 'application/wasm', ...headers });
      createReadStream(join(tfjsWasmDir, wasm)).pipe(res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain', ...headers });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}
