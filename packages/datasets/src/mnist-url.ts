import { DatasetError } from './errors.js';
import {
  MNIST_FILES,
  type Mnist,
  type MnistFileKey,
  type MnistOptions,
  type MnistSource,
  readMnist,
} from './mnist.js';

/** The part of `fetch` the loader uses; pass your own to add caching, progress or auth. */
export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  status: number;
  headers?: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/** Options of `loadMnistFromUrl`. */
export interface UrlMnistOptions extends MnistOptions {
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** File names under `baseUrl`; by default each original name is tried plain, then with `.gz`. */
  names?: Partial<Record<MnistFileKey, string>>;
}

function joinUrl(base: string, name: string): string {
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

async function fetchFirst(fetchImpl: FetchLike, urls: string[]): Promise<MnistSource> {
  const misses: string[] = [];
  for (const url of urls) {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchImpl(url);
    } catch (error) {
      throw new DatasetError(url, `fetch failed (${(error as Error).message})`);
    }
    // A dev server's single-page fallback answers 200 with index.html for a missing file.
    const html = response.headers?.get('content-type')?.includes('text/html') ?? false;
    if (response.ok && !html) return { bytes: await response.arrayBuffer(), file: url };
    misses.push(`${url} (${html ? 'HTML page' : `HTTP ${response.status}`})`);
  }
  throw new DatasetError(urls[0], `not found: tried ${misses.join(', ')}`);
}

/**
 * Loads MNIST over HTTP, in the browser or in Node 18+, from the four IDX files under
 * `baseUrl`, plain or gzip (detected by magic). Files are fetched one at a time and each
 * is parsed before the next is requested.
 * @example
 * const mnist = await loadMnistFromUrl('/mnist/');               // the browser's fetch
 * const small = await loadMnistFromUrl(base, { fetch: myFetch, unitsPerClass: 100 });
 */
export async function loadMnistFromUrl(
  baseUrl: string,
  fetchOrOptions: FetchLike | UrlMnistOptions = {},
): Promise<Mnist> {
  const options: UrlMnistOptions =
    typeof fetchOrOptions === 'function' ? { fetch: fetchOrOptions } : fetchOrOptions;
  const fetchImpl = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  return readMnist((key) => {
    const given = options.names?.[key];
    const urls = given
      ? [joinUrl(baseUrl, given)]
      : [MNIST_FILES[key], `${MNIST_FILES[key]}.gz`].map((n) => joinUrl(baseUrl, n));
    return fetchFirst(fetchImpl, urls);
  }, options);
}
