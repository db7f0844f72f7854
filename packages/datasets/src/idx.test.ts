import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { maybeGunzip } from './gzip.js';
import { parseIdxImages } from './idx-images.js';
import { parseIdxLabels } from './idx-labels.js';
import { imageFile, labelFile, makeIdx } from './testing/make-idx.js';

function caught(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

describe('parseIdxLabels', () => {
  it('reads labels after the 8-byte header', () => {
    const labels = parseIdxLabels(labelFile([5, 0, 4, 9]), 'l');
    expect(Array.from(labels)).toEqual([5, 0, 4, 9]);
  });

  it('refuses a wrong magic number, naming the file and both magics', () => {
    const error = caught(() => parseIdxLabels(makeIdx(0x803, [2], [1, 2]), 'train-labels-idx1-ubyte'));
    expect(error.code).toBe('DATASET');
    expect(error.file).toBe('train-labels-idx1-ubyte');
    expect(error.reason).toMatch(/wrong magic number 0x00000803, expected 0x00000801/);
    expect(error.message).toMatch(/^train-labels-idx1-ubyte: wrong magic/);
  });

  it('refuses a truncated file and one shorter than its header', () => {
    const full = labelFile([1, 2, 3, 4]);
    expect(caught(() => parseIdxLabels(full.subarray(0, full.length - 1), 'f')).reason).toMatch(
      /truncated: header announces 4 items \(12 bytes\), file has 11/,
    );
    expect(caught(() => parseIdxLabels(full.subarray(0, 5), 'f')).reason).toMatch(
      /shorter than the 8-byte IDX header/,
    );
  });

  it('refuses a count that does not match the file length (both directions)', () => {
    expect(caught(() => parseIdxLabels(makeIdx(0x801, [5], [1, 2, 3]), 'f')).reason).toMatch(/truncated/);
    expect(caught(() => parseIdxLabels(makeIdx(0x801, [2], [1, 2, 3]), 'f')).reason).toMatch(
      /file length 11 exceeds the 10 bytes/,
    );
    expect(caught(() => parseIdxLabels(labelFile([1, 2]), 'f', { expectedCount: 3 })).reason).toBe(
      'holds 2 labels, expected 3',
    );
  });

  it('refuses a label outside 0..9 and says which item', () => {
    const error = caught(() => parseIdxLabels(labelFile([3, 9, 10, 1]), 'lab'));
    expect(error.reason).toBe('label 10 at item 2 is outside 0..9');
  });

  it('returns its own copy of the labels (not a view into the file bytes)', () => {
    const bytes = labelFile([1, 2]);
    const labels = parseIdxLabels(bytes, 'f');
    expect(labels.buffer).not.toBe(bytes.buffer);
  });
});

describe('parseIdxImages', () => {
  it('scales every byte v to v / 255 in float32, row-major', () => {
    const bytes = imageFile(3, 2, 3);
    const { pixels, count, rows, cols } = parseIdxImages(bytes, 'img');
    expect([count, rows, cols]).toEqual([3, 2, 3]);
    for (let k = 0; k < pixels.length; k++) expect(pixels[k]).toBe(Math.fround(bytes[16 + k] / 255));
    const extremes = parseIdxImages(makeIdx(0x803, [1, 1, 2], [0, 255]), 'x').pixels;
    expect(Array.from(extremes)).toEqual([0, 1]);
  });

  it('refuses wrong magic, wrong dimensions, truncation and count mismatches by name', () => {
    expect(caught(() => parseIdxImages(labelFile([1]), 'i')).reason).toMatch(/wrong magic number 0x00000801/);
    expect(caught(() => parseIdxImages(imageFile(2, 27, 28), 'i', { rows: 28, cols: 28 })).reason).toBe(
      'images are 27 × 28, expected 28 × 28',
    );
    const full = imageFile(2);
    expect(caught(() => parseIdxImages(full.subarray(0, 16 + 784 + 10), 'i')).reason).toMatch(
      /truncated: header announces 2 × 28 × 28 items/,
    );
    expect(
      caught(() => parseIdxImages(full, 'i', { expectedCount: 3, expectedCountSource: 'labels-file' }))
        .reason,
    ).toBe('holds 2 images, expected 3 (the count of labels-file)');
    expect(caught(() => parseIdxImages(makeIdx(0x803, [2, 0, 28], []), 'i')).reason).toMatch(/empty/);
  });
});

describe('maybeGunzip', () => {
  it('passes plain bytes through and inflates gzip by its magic', () => {
    const plain = labelFile([7, 2, 1]);
    expect(maybeGunzip(plain, 'p')).toBe(plain);
    const gz = gzipSync(plain);
    expect(Array.from(maybeGunzip(gz.buffer as ArrayBuffer, 'p.gz'))).toEqual(Array.from(plain));
  });

  it('refuses a truncated gzip stream, naming the file', () => {
    const gz = gzipSync(imageFile(4));
    const error = caught(() => maybeGunzip(gz.subarray(0, gz.length >> 1), 'train-images-idx3-ubyte.gz'));
    expect(error.file).toBe('train-images-idx3-ubyte.gz');
    expect(error.reason).toMatch(/corrupt or truncated gzip/);
  });
});
