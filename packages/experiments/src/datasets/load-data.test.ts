import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DatasetError } from '@rfa/datasets';
import { mnistFiles } from '@rfa/datasets/internal';
import { afterAll, describe, expect, it } from 'vitest';
import { fig2 } from '../definitions/fig2.js';
import { fig3a } from '../definitions/fig3a.js';
import { fig3aFashion } from '../definitions/fig3a-fashion.js';
import { ConfigError } from '../errors.js';
import { loadExperimentData } from '../node.js';
import { loadExperimentDataFromUrl } from './load-from-url.js';
import { requireDataset } from './require-dataset.js';

const files = mnistFiles([3, 1, 4], [1, 5]);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('data sets by id', () => {
  it('reads MNIST from <dataDir>/mnist/ for an experiment that needs it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rfa-data-'));
    dirs.push(dataDir);
    await mkdir(join(dataDir, 'mnist'));
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dataDir, 'mnist', name), bytes);
    const data = await loadExperimentData(fig3a, { dataDir });
    const mnist = requireDataset('fig3a', data, 'mnist');
    expect(Array.from(mnist.train.labels ?? [])).toEqual([3, 1, 4]);
    expect(Array.from(mnist.test.labels ?? [])).toEqual([1, 5]);
    // image 1, pixel 2: (1 · 7 + 2) / 255
    expect(mnist.train.inputs[784 + 2]).toBeCloseTo(9 / 255, 6);
  });

  it('loads nothing for an experiment that needs no data set', async () => {
    expect(await loadExperimentData(fig2, { dataDir: '/nonexistent' })).toEqual({ datasets: {} });
  });

  it('fetches the gzipped files from <dataUrl>/mnist/ in a browser', async () => {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      const name = url.slice('https://example.org/app/mnist/'.length).replace(/\.gz$/, '');
      const bytes = gzipSync(files[name]);
      return {
        ok: true,
        status: 200,
        arrayBuffer: async () =>
          bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      };
    };
    const data = await loadExperimentDataFromUrl(fig3a, 'https://example.org/app', { fetch });
    expect(asked).toContain('https://example.org/app/mnist/train-images-idx3-ubyte.gz');
    expect(Array.from(requireDataset('fig3a', data, 'mnist').test.labels ?? [])).toEqual([1, 5]);
  });

  it('reads Fashion-MNIST from <dataDir>/fashion-mnist/ and names the missing class file', async () => {
    const error = await loadExperimentData(fig3aFashion, { dataDir: '/nonexistent' }).catch((e) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect(String(error.message)).toContain(join('/nonexistent', 'fashion-mnist', '0.json'));
  });

  it('fetches Fashion-MNIST from <dataUrl>/fashion-mnist/ in a browser, class 0 first', async () => {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
    };
    const error = await loadExperimentDataFromUrl(fig3aFashion, 'https://example.org/app', { fetch }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(DatasetError);
    expect(asked).toEqual([
      'https://example.org/app/fashion-mnist/0.json.gz',
      'https://example.org/app/fashion-mnist/0.json',
    ]);
  });

  it('names the missing data set and how to load it', () => {
    expect(() => requireDataset('fig3a', { datasets: {} }, 'mnist')).toThrow(ConfigError);
    try {
      requireDataset('fig3a', { datasets: {} }, 'mnist');
    } catch (e) {
      expect((e as ConfigError).field).toBe('data.datasets.mnist');
      expect((e as Error).message).toMatch(/fig3a needs the data set 'mnist'/);
    }
  });
});
