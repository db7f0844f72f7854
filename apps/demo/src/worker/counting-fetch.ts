import type { FetchLike } from '@rfa/datasets';

/** How far one file's download has come: bytes received, and the total when the server said it (else NaN). */
export interface DownloadProgress {
  url: string;
  received: number;
  total: number;
}

/**
 * A `fetch` for `loadMnistFromUrl` that reports each file's bytes as they arrive (the
 * body read chunk by chunk), so the page can show a progress bar while MNIST loads.
 * @example
 * loadMnistFromUrl(url, { fetch: countingFetch(fetch, (p) => post(p)) });
 */
export function countingFetch(inner: typeof fetch, onProgress: (p: DownloadProgress) => void): FetchLike {
  return async (url) => {
    const response = await inner(url);
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : Number.NaN;
    return {
      ok: response.ok,
      status: response.status,
      headers: response.headers,
      async arrayBuffer() {
        if (!response.body) return response.arrayBuffer();
        const reader = response.body.getReader();
        const chunks: Uint8Array[] = [];
        let received = 0;
        onProgress({ url, received, total });
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.length;
          onProgress({ url, received, total });
        }
        const out = new Uint8Array(received);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        return out.buffer;
      },
    };
  };
}
