import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '@rfa/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';
import { DatasetError } from './errors.js';
import type { Mnist } from './mnist.js';
import { fashionMnistDir, loadFashionMnist } from './node.js';

let fashion: Mnist;
beforeAll(async () => {
  fashion = await loadFashionMnist();
}, 120_000);

const mean = (v: Float32Array) => v.reduce((s, x) => s + x, 0) / v.length;

describe('loadFashionMnist from the fashion-mnist package', () => {
  it('has 60,000 training and 10,000 test images, 6,000 and 1,000 of each class', () => {
    expect([fashion.train.count, fashion.test.count]).toEqual([60_000, 10_000]);
    for (const [set, per] of [
      [fashion.train, 6000],
      [fashion.test, 1000],
    ] as const) {
      const counts = new Array(10).fill(0);
      for (const l of set.labels ?? []) counts[l]++;
      expect(counts).toEqual(new Array(10).fill(per));
      expect([set.inputSize, set.targetSize]).toEqual([784, 10]);
    }
  });

  it('pixels are the files’ values / 255, with the training mean of Fashion-MNIST (0.2860)', async () => {
    const { readFile } = await import('node:fs/promises');
    const nine = JSON.parse(await readFile(join(fashionMnistDir(), '9.json'), 'utf8')) as {
      data: number[][];
    };
    // row 9 is class 9's first image; test row 9 its 6001st
    expect(Array.from(fashion.train.inputs.subarray(9 * 784, 10 * 784))).toEqual(
      nine.data[0].map((v) => Math.fround(v / 255)),
    );
    expect(Array.from(fashion.test.inputs.subarray(9 * 784, 10 * 784))).toEqual(
      nine.data[6000].map((v) => Math.fround(v / 255)),
    );
    // the published per-pixel mean of the training set is 0.2860 (MNIST's: 0.1307)
    expect(mean(fashion.train.inputs)).toBeCloseTo(0.286, 3);
    expect(Math.min(...fashion.test.inputs.subarray(0, 78_400))).toBe(0);
  });

  it('batches as MNIST does: 7,500 shuffled batches of 8 cover every example once', () => {
    const batcher = new Batcher(fashion.train, { batchSize: 8, rng: new Rng(1) });
    const seen = new Array(10).fill(0);
    let batches = 0;
    for (const { labels, size } of batcher.epoch()) {
      batches++;
      for (let i = 0; i < size; i++) seen[labels?.[i] ?? 0]++;
    }
    expect(batches).toBe(7500);
    expect(seen).toEqual(new Array(10).fill(6000));
  });

  it('a directory without the class files is a DatasetError naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rfa-fashion-'));
    try {
      await writeFile(join(dir, '0.json'), '{"data": [');
      await expect(loadFashionMnist({ dir })).rejects.toThrow(/0\.json: is not JSON/);
      await rm(join(dir, '0.json'));
      await expect(loadFashionMnist({ dir })).rejects.toBeInstanceOf(DatasetError);
      await expect(loadFashionMnist({ dir })).rejects.toThrow(/0\.json: not found/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
