import { describe, expect, it } from 'vitest';
import { countingFetch, type DownloadProgress } from './counting-fetch.js';

/** A fetch answering every URL with these chunks as its body. */
const chunked = (chunks: number[][], headers: Record<string, string>) =>
  (async () =>
    new Response(
      new ReadableStream({
        start(c) {
          for (const chunk of chunks) c.enqueue(new Uint8Array(chunk));
          c.close();
        },
      }),
      { status: 200, headers },
    )) as unknown as typeof fetch;

describe('countingFetch', () => {
  it('reports the bytes received after each chunk against the content length, and returns them all', async () => {
    const seen: DownloadProgress[] = [];
    const f = countingFetch(
      chunked(
        [
          [1, 2, 3],
          [4, 5],
        ],
        { 'content-length': '5' },
      ),
      (p) => seen.push(p),
    );
    const response = await f('http://x/a.gz');
    expect(response.ok).toBe(true);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(seen.map((p) => [p.received, p.total])).toEqual([
      [0, 5],
      [3, 5],
      [5, 5],
    ]);
    expect(seen[0].url).toBe('http://x/a.gz');
  });

  it('gives a NaN total when the server sends no length', async () => {
    const seen: DownloadProgress[] = [];
    await (await countingFetch(chunked([[9]], {}), (p) => seen.push(p))('u')).arrayBuffer();
    expect(seen.at(-1)?.received).toBe(1);
    expect(seen.at(-1)?.total).toBeNaN();
  });
});
