import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { type FetchLike, loadMnistFromUrl } from './mnist-url.js';
import { imageFile, labelFile } from './testing/make-idx.js';

// Served as the files are distributed: gzipped training files, plain test files.
const served: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': gzipSync(imageFile(5)),
  'train-labels-idx1-ubyte.gz': gzipSync(labelFile([0, 9, 8, 7, 6])),
  't10k-images-idx3-ubyte': imageFile(2),
  't10k-labels-idx1-ubyte': labelFile([4, 4]),
};

describe('loadMnistFromUrl over real HTTP (Node fetch)', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = (req.url ?? '').replace(/^\/mnist\//, '');
      requested.push(name);
      const body = served[name];
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mnist`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds plain or .gz names, parses both, one file at a time', async () => {
    const mnist = await loadMnistFromUrl(base);
    expect(Array.from(mnist.train.labels!)).toEqual([0, 9, 8, 7, 6]);
    expect(Array.from(mnist.test.labels!)).toEqual([4, 4]);
    expect(mnist.test.inputs[784 + 10]).toBe(Math.fround(17 / 255));
    expect(requested).toEqual([
      'train-labels-idx1-ubyte',
      'train-labels-idx1-ubyte.gz',
      'train-images-idx3-ubyte',
      'train-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
    ]);
  });

  it('names the URLs it tried when a file is missing', async () => {
    const error = await loadMnistFromUrl(`${base}/nowhere/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).reason).toMatch(
      /not found: tried .*train-labels-idx1-ubyte \(HTTP 404\), .*\.gz \(HTTP 404\)/,
    );
  });
});

describe('loadMnistFromUrl with a custom fetch', () => {
  it('takes a fetch function, treats an HTML fallback page as missing, and reports fetch failures', async () => {
    const fake: FetchLike = async (url) => {
      const name = url.slice(url.lastIndexOf('/') + 1);
      const body = served[name];
      return {
        ok: true, // like a single-page dev server: 200 with index.html for unknown paths
        status: 200,
        headers: { get: () => (body ? 'application/octet-stream' : 'text/html') },
        arrayBuffer: async () => (body ?? new TextEncoder().encode('<!doctype html>')).slice().buffer,
      };
    };
    const mnist = await loadMnistFromUrl('/data/', fake);
    expect(mnist.train.count).toBe(5);
    const failing: FetchLike = async () => {
      throw new Error('offline');
    };
    await expect(loadMnistFromUrl('/data', { fetch: failing })).rejects.toThrow(
      '/data/train-labels-idx1-ubyte: fetch failed (offline)',
    );
  });
});
