import { OptionError, Rng } from '@rfa/tensor';
import { createDataset, type Dataset } from './dataset.js';
import { maybeGunzip } from './gzip.js';
import { parseIdxImages } from './idx-images.js';
import { parseIdxLabels } from './idx-labels.js';
import { oneHot } from './one-hot.js';
import { splitValidation } from './split.js';

/** The four MNIST files under their original names (a `.gz` suffix is accepted too). */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;
export type MnistFileKey = keyof typeof MNIST_FILES;

/** MNIST geometry: 28 × 28 pixels, 10 classes. */
export const MNIST_ROWS = 28;
export const MNIST_COLS = 28;
export const MNIST_CLASSES = 10;

/** Options shared by every MNIST loader. */
export interface MnistOptions {
  /** Target units per class (default 1: one-hot). The spiking network uses 100. */
  unitsPerClass?: number;
  /**
   * Carve a validation set from the training set: `size` or `fraction`; with `seed` a
   * random subset (the training block is reordered in place, no copy), without it the
   * last examples. Both sets are views of the one training block.
   */
  validation?: { size?: number; fraction?: number; seed?: number };
}

/**
 * MNIST as host-side data sets: `inputs` are 784 pixels in [0, 1], `targets` one-hot (or
 * population-coded) rows, `labels` the digit of each example.
 */
export interface Mnist {
  train: Dataset;
  test: Dataset;
  validation?: Dataset;
}

/** One file's bytes (plain or gzip) and the name used in errors. */
export interface MnistSource {
  bytes: ArrayBuffer | ArrayBufferView;
  file: string;
}

/** Gives the bytes of one of the four files; called one file at a time. */
export type MnistReader = (key: MnistFileKey) => Promise<MnistSource> | MnistSource;

function buildSet(labelsSource: MnistSource, images: MnistSource, unitsPerClass: number): Dataset {
  const labels = parseIdxLabels(maybeGunzip(labelsSource.bytes, labelsSource.file), labelsSource.file, {
    classes: MNIST_CLASSES,
  });
  const { pixels } = parseIdxImages(maybeGunzip(images.bytes, images.file), images.file, {
    rows: MNIST_ROWS,
    cols: MNIST_COLS,
    expectedCount: labels.length,
    expectedCountSource: labelsSource.file,
  });
  return createDataset({
    inputs: pixels,
    targets: oneHot(labels, MNIST_CLASSES, { unitsPerClass }),
    labels,
    inputSize: MNIST_ROWS * MNIST_COLS,
    targetSize: MNIST_CLASSES * unitsPerClass,
  });
}

/** Carves the validation set `options` asks for from `train` (shared by the MNIST-shaped loaders). */
export function finish(train: Dataset, test: Dataset, options: MnistOptions): Mnist {
  const v = options.validation;
  if (!v) return { train, test };
  const rng = v.seed === undefined ? undefined : new Rng(v.seed);
  const split = splitValidation(train, { size: v.size, fraction: v.fraction, rng, inPlace: true });
  return { train: split.train, validation: split.validation, test };
}

/** `unitsPerClass`, checked (default 1). */
export function unitsOf(options: MnistOptions): number {
  const units = options.unitsPerClass ?? 1;
  if (!Number.isInteger(units) || units < 1)
    throw new OptionError(`MNIST: unitsPerClass must be a positive integer, got ${units}`);
  return units;
}

/**
 * MNIST from four files' bytes already in memory (plain or gzip, detected by magic).
 * Every file is checked; on any fault a `DatasetError` names the file and nothing is returned.
 * @example
 * const mnist = mnistFromBytes({ trainImages, trainLabels, testImages, testLabels });
 */
export function mnistFromBytes(
  files: Record<MnistFileKey, ArrayBuffer | ArrayBufferView>,
  options: MnistOptions = {},
): Mnist {
  const units = unitsOf(options);
  const source = (key: MnistFileKey): MnistSource => ({ bytes: files[key], file: MNIST_FILES[key] });
  const train = buildSet(source('trainLabels'), source('trainImages'), units);
  const test = buildSet(source('testLabels'), source('testImages'), units);
  return finish(train, test, options);
}

/**
 * MNIST through a reader that fetches one file at a time (labels before images), so the
 * raw and decompressed bytes of each file can be collected before the next is read.
 * The loaders of `@rfa/datasets` (URL) and `@rfa/datasets/node` (directory) use it.
 */
export async function readMnist(read: MnistReader, options: MnistOptions = {}): Promise<Mnist> {
  const units = unitsOf(options);
  const train = await readSet(read, 'trainLabels', 'trainImages', units);
  const test = await readSet(read, 'testLabels', 'testImages', units);
  return finish(train, test, options);
}

// Its own function so the file bytes die with its frame, before the next set is read.
async function readSet(read: MnistReader, labelsKey: MnistFileKey, imagesKey: MnistFileKey, units: number) {
  const labels = await read(labelsKey);
  const images = await read(imagesKey);
  return buildSet(labels, images, units);
}
