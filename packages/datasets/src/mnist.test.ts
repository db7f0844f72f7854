import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { MNIST_FILES, mnistFromBytes, readMnist } from './mnist.js';
import { imageFile, labelFile, makeIdx } from './testing/make-idx.js';

const trainLabels = [3, 1, 4, 1, 5, 9, 2, 6];
const testLabels = [2, 7, 1];
const files = () => ({
  trainImages: imageFile(trainLabels.length),
  trainLabels: labelFile(trainLabels),
  testImages: imageFile(testLabels.length),
  testLabels: labelFile(testLabels),
});

describe('mnistFromBytes', () => {
  it('builds both sets from plain and gzip bytes alike', () => {
    const plain = mnistFromBytes(files());
    const f = files();
    const gz = mnistFromBytes({
      ...f,
      trainImages: gzipSync(f.trainImages),
      testLabels: gzipSync(f.testLabels),
    });
    for (const mnist of [plain, gz]) {
      expect(mnist.train.count).toBe(8);
      expect(Array.from(mnist.test.labels!)).toEqual(testLabels);
      // Pixel p of image i was written as (7 i + p) mod 256.
      expect(mnist.train.inputs[5 * 784 + 300]).toBe(Math.fround(((35 + 300) % 256) / 255));
    }
    expect(gz.train.inputs).toEqual(plain.train.inputs);
  });

  it('refuses image and label files of different counts, naming both', () => {
    const error = (() => {
      try {
        mnistFromBytes({ ...files(), testImages: imageFile(4) });
      } catch (e) {
        return e as DatasetError;
      }
    })();
    expect(error).toBeInstanceOf(DatasetError);
    expect(error!.file).toBe(MNIST_FILES.testImages);
    expect(error!.reason).toBe(`holds 4 images, expected 3 (the count of ${MNIST_FILES.testLabels})`);
  });

  it('refuses images that are not 28 × 28 and labels above 9', () => {
    expect(() => mnistFromBytes({ ...files(), trainImages: imageFile(8, 28, 27) })).toThrow(
      /train-images-idx3-ubyte: images are 28 × 27, expected 28 × 28/,
    );
    expect(() => mnistFromBytes({ ...files(), testLabels: makeIdx(0x801, [3], [1, 12, 3]) })).toThrow(
      /t10k-labels-idx1-ubyte: label 12 at item 1 is outside 0..9/,
    );
  });

  it('splits a validation set from the end, or at random under a seed', () => {
    const tail = mnistFromBytes(files(), { validation: { size: 3 } });
    expect(Array.from(tail.train.labels!)).toEqual(trainLabels.slice(0, 5));
    expect(Array.from(tail.validation!.labels!)).toEqual(trainLabels.slice(5));
    const a = mnistFromBytes(files(), { validation: { fraction: 0.25, seed: 1 } });
    const b = mnistFromBytes(files(), { validation: { fraction: 0.25, seed: 1 } });
    expect(a.validation!.count).toBe(2);
    expect(Array.from(a.validation!.labels!)).toEqual(Array.from(b.validation!.labels!));
    const all = [...a.train.labels!, ...a.validation!.labels!].sort();
    expect(all).toEqual([...trainLabels].sort());
  });
});

describe('readMnist', () => {
  it('reads one file at a time, labels before images, and returns nothing on a bad file', async () => {
    const f = files();
    const order: string[] = [];
    const mnist = await readMnist(async (key) => {
      order.push(key);
      return { bytes: f[key], file: key };
    });
    expect(order).toEqual(['trainLabels', 'trainImages', 'testLabels', 'testImages']);
    expect(mnist.test.count).toBe(3);
    const truncated = f.testImages.subarray(0, f.testImages.length - 1);
    await expect(
      readMnist((key) => ({ bytes: key === 'testImages' ? truncated : f[key], file: key })),
    ).rejects.toThrow(
      /testImages: truncated: header announces 3 × 28 × 28 items \(2368 bytes\), file has 2367/,
    );
  });
});
