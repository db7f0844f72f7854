import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Sends `file` at about `bytesPerSecond`, in 64 KiB pieces, as a network between a user and a host would. */
function sendAtRate(file: string, res: ServerResponse, bytesPerSecond: number): void {
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  stream.on('data', (piece) => {
    stream.pause();
    res.write(piece);
    setTimeout(() => stream.resume(), (piece.length / bytesPerSecond) * 1000);
  });
  stream.on('end', () => res.end());
  res.on('close', () => stream.destroy()); // the page went away mid-download
}

/**
 * Serves a built folder on 127.0.0.1 as a static host would, with the COOP/COEP headers
 * that make the page cross-origin isolated (`isolate: false` leaves them out).
 * `dataBytesPerSecond` sends the data files (`.gz`) no faster than that: a download from
 * this machine's disk would end within one of the worker's update periods, so the page
 * would never show its progress.
 */
export async function serveStatic(
  root: string,
  options: { isolate?: boolean; dataBytesPerSecond?: number } = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...(options.isolate === false
        ? {}
        : { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }),
    });
    if (options.dataBytesPerSecond && file.endsWith('.gz')) sendAtRate(file, res, options.dataBytesPerSecond);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}
