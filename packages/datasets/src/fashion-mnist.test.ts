import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { type FashionClassSource, readFashionMnist } from './fashion-mnist.js';

// Image i of class c: every pixel (c * 20 + i) % 256, so a row's source can be read back.
const pixel = (label: number, i: number) => (label * 20 + i) % 256;
const classJson = (label: number, images: number) => ({
  data: Array.from({ length: images }, (_, i) => new Array(784).fill(pixel(label, i))),
});
const reader =
  (images = 6, patch?: (label: number, json: { data: unknown[] }) => void) =>
  (label: number): FashionClassSource => {
    const json = classJson(label, images);
    patch?.(label, json);
    return { json, file: `${label}.json` };
  };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('no error');
}

describe('readFashionMnist', () => {
  it('takes each class’s first images for training, the next for testing, interleaved by class', async () => {
    const { train, test } = await readFashionMnist(reader(), { trainPerClass: 3, testPerClass: 2 });
    expect([train.count, test.count, train.inputSize, train.targetSize]).toEqual([30, 20, 784, 10]);
    // row 10k + c holds class c's image k (training) or image 3 + k (test)
    for (const [set, first] of [
      [train, 0],
      [test, 3],
    ] as const) {
      for (let row = 0; row < set.count; row++) {
        const [k, c] = [Math.floor(row / 10), row % 10];
        expect(set.labels?.[row]).toBe(c);
        expect(set.inputs[row * 784 + 300]).toBe(Math.fround(pixel(c, first + k) / 255));
        expect(Array.from(set.targets.subarray(row * 10, row * 10 + 10))).toEqual(
          Array.from({ length: 10 }, (_, j) => (j === c ? 1 : 0)),
        );
      }
    }
  });

  it('ignores images past the two sets, and skips empty entries (the package’s class 0 has two)', async () => {
    const a = await readFashionMnist(reader(5), { trainPerClass: 3, testPerClass: 2 });
    const b = await readFashionMnist(reader(9), { trainPerClass: 3, testPerClass: 2 });
    expect(b.test.inputs).toEqual(a.test.inputs);
    // an empty entry at 1 in class 0: its images 2.. move up one row each
    const gap = await readFashionMnist(
      reader(7, (l, j) => l === 0 && j.data.splice(1, 0, [])),
      { trainPerClass: 3, testPerClass: 2 },
    );
    expect(gap.train.inputs).toEqual(a.train.inputs);
    expect(gap.test.inputs).toEqual(a.test.inputs);
  });

  it('population-codes targets and carves a validation set as loadMnist does', async () => {
    const m = await readFashionMnist(reader(), {
      trainPerClass: 4,
      testPerClass: 1,
      unitsPerClass: 2,
      validation: { size: 10 },
    });
    expect([m.train.count, m.validation?.count, m.test.count, m.train.targetSize]).toEqual([30, 10, 10, 20]);
    // the validation set is the last 10 training rows: class c's 4th image at row 30 + c
    expect(m.validation?.inputs[3 * 784]).toBe(Math.fround(pixel(3, 3) / 255));
  });

  it('names the file and the fault of a bad class file', async () => {
    const cases: [(label: number, json: { data: unknown[] }) => void, RegExp][] = [
      [(l, j) => l === 4 && j.data.pop(), /4\.json: holds 5 images, fewer than the 6 needed/],
      [(l, j) => l === 4 && j.data.splice(0, 1, []), /4\.json: holds 5 images, fewer than the 6 needed/],
      [
        (l, j) => {
          if (l === 2) j.data[1] = [1, 2];
        },
        /2\.json: image 1 is not 784 pixels/,
      ],
      [
        (l, j) => {
          if (l === 7) (j.data[0] as number[])[5] = 256;
        },
        /7\.json: image 0 has a pixel 256 outside/,
      ],
      [
        (l, j) => {
          if (l === 7) (j.data[2] as number[])[5] = 0.5;
        },
        /image 2 has a pixel 0.5 outside/,
      ],
    ];
    for (const [patch, message] of cases) {
      const e = await rejection(readFashionMnist(reader(6, patch), { trainPerClass: 4, testPerClass: 2 }));
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as Error).message).toMatch(message);
    }
    const e = await rejection(readFashionMnist(() => ({ json: { images: [] }, file: '0.json' })));
    expect((e as DatasetError).file).toBe('0.json');
    expect((e as Error).message).toMatch(/no "data" array/);
  });

  it('refuses bad per-class counts by name', async () => {
    const e = await rejection(readFashionMnist(reader(), { trainPerClass: 0 }));
    expect(e).toBeInstanceOf(OptionError);
    expect((e as Error).message).toMatch(/trainPerClass must be a positive integer, got 0/);
  });
});
