import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { loadFashionMnistFromUrl } from './fashion-mnist-url.js';
import type { FetchLike } from './mnist-url.js';

// class c's image i: every pixel (c * 20 + i) % 256
const classText = (label: number, images: number) =>
  JSON.stringify({
    data: Array.from({ length: images }, (_, i) => new Array(784).fill((label * 20 + i) % 256)),
  });

function server(files: Record<string, Uint8Array>, asked: string[] = []): FetchLike {
  return async (url) => {
    asked.push(url);
    const body = files[url];
    return {
      ok: body !== undefined,
      status: body ? 200 : 404,
      arrayBuffer: async () => (body ?? new Uint8Array()).slice().buffer,
    };
  };
}

describe('loadFashionMnistFromUrl', () => {
  it('reads gzipped class files, else plain ones, and splits them like readFashionMnist', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let c = 0; c < 10; c++) {
      const bytes = new TextEncoder().encode(classText(c, 3));
      // even classes gzipped, odd ones plain
      if (c % 2 === 0) files[`http://x/f/${c}.json.gz`] = gzipSync(bytes);
      else files[`http://x/f/${c}.json`] = bytes;
    }
    const asked: string[] = [];
    const { train, test } = await loadFashionMnistFromUrl('http://x/f', {
      fetch: server(files, asked),
      trainPerClass: 2,
      testPerClass: 1,
    });
    expect([train.count, test.count]).toEqual([20, 10]);
    // test row c is class c's third image (index 2): pixel (20c + 2) / 255
    for (let c = 0; c < 10; c++) {
      expect(test.labels?.[c]).toBe(c);
      expect(test.inputs[c * 784 + 5]).toBe(Math.fround(((c * 20 + 2) % 256) / 255));
    }
    expect(asked.slice(0, 3)).toEqual(['http://x/f/0.json.gz', 'http://x/f/1.json.gz', 'http://x/f/1.json']);
  });

  it('names the missing class file', async () => {
    const error = await loadFashionMnistFromUrl('http://x/f/', { fetch: server({}) }).catch((e) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect(String(error.message)).toContain('http://x/f/0.json.gz');
    expect(String(error.message)).toContain('HTTP 404');
  });
});
