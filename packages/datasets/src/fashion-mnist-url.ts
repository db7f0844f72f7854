import { DatasetError } from './errors.js';
import { type FashionMnistOptions, readFashionMnist } from './fashion-mnist.js';
import { maybeGunzip } from './gzip.js';
import type { Mnist } from './mnist.js';
import type { FetchLike } from './mnist-url.js';

/** Options of `loadFashionMnistFromUrl`. */
export interface UrlFashionMnistOptions extends FashionMnistOptions {
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
}

const joinUrl = (base: string, name: string) => (base.endsWith('/') ? base + name : `${base}/${name}`);

async function fetchClass(fetchImpl: FetchLike, baseUrl: string, label: number) {
  const misses: string[] = [];
  for (const name of [`${label}.json.gz`, `${label}.json`]) {
    const url = joinUrl(baseUrl, name);
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchImpl(url);
    } catch (error) {
      throw new DatasetError(url, `fetch failed (${(error as Error).message})`);
    }
    // a dev server's single-page fallback answers 200 with index.html for a missing file
    const html = response.headers?.get('content-type')?.includes('text/html') ?? false;
    if (response.ok && !html) {
      const text = new TextDecoder().decode(maybeGunzip(await response.arrayBuffer(), url));
      try {
        return { json: JSON.parse(text) as unknown, file: url };
      } catch (error) {
        throw new DatasetError(url, `is not JSON (${(error as Error).message})`);
      }
    }
    misses.push(`${url} (${html ? 'HTML page' : `HTTP ${response.status}`})`);
  }
  throw new DatasetError(joinUrl(baseUrl, `${label}.json.gz`), `not found: tried ${misses.join(', ')}`);
}

/**
 * Loads Fashion-MNIST over HTTP (browser or Node 18+) from the `fashion-mnist` package's class
 * files under `baseUrl`: `0.json.gz` … `9.json.gz`, or the plain `0.json` … `9.json`, one
 * class at a time, checked and split as `readFashionMnist` does.
 * @example
 * const fashion = await loadFashionMnistFromUrl('/fashion-mnist/');
 */
export function loadFashionMnistFromUrl(
  baseUrl: string,
  options: UrlFashionMnistOptions = {},
): Promise<Mnist> {
  const fetchImpl = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  return readFashionMnist((label) => fetchClass(fetchImpl, baseUrl, label), options);
}
