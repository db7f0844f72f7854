import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { maybeGunzip } from './gzip.js';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx.js';
import { parseIdxImages } from './idx-images.js';
import { parseIdxLabels } from './idx-labels.js';

/** `f`'s result, or undefined after a DatasetError naming the file; any other throw fails the property. */
function parsedOrRefused<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof DatasetError)) throw err;
    expect(err.file).toBe('fuzz.idx');
    return undefined;
  }
}

/** An IDX file: magic, the given sizes (uint32, any value), then `body`. */
function idx(magic: number, dims: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, false);
  for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d >>> 0, false);
  out.set(body, 4 + 4 * dims.length);
  return out;
}

const dim = fc.oneof(fc.nat(6), fc.constantFrom(28, 0xffffffff, 0x80000000, 60000, 2 ** 20));
const body = fc.uint8Array({ maxLength: 200 });

describe('IDX parsing, fuzzed (fast-check)', () => {
  it('any bytes: images or labels parsed consistently, or a DatasetError naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        parsedOrRefused(() => parseIdxImages(bytes, 'fuzz.idx'));
        parsedOrRefused(() => parseIdxLabels(bytes, 'fuzz.idx'));
      }),
      { numRuns: 2000 },
    );
  });

  it('well-framed headers with any declared sizes (up to 2^32 - 1 each): sizes are checked against the bytes before anything is allocated', () => {
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim), body, fc.constantFrom(-1, 0, 1), ([n, r, c], data, slack) => {
        const want = n * r * c;
        const exact = want <= 200 ? data.slice(0, Math.max(0, want + slack)) : data;
        const images = parsedOrRefused(() =>
          parseIdxImages(idx(IDX_IMAGES_MAGIC, [n, r, c], exact), 'fuzz.idx'),
        );
        // a body of exactly the declared size parses (empty rows or columns are refused by design),
        // so the checks below cannot all be skipped
        if (exact.length === want && r > 0 && c > 0) expect(images, `${n}×${r}×${c}`).toBeDefined();
        if (images) {
          expect([images.count, images.rows, images.cols]).toEqual([n, r, c]);
          expect(images.pixels.length).toBe(exact.length);
          for (const [i, p] of images.pixels.entries()) expect(p).toBeCloseTo(exact[i]! / 255, 6);
        }
        const labels = parsedOrRefused(() =>
          parseIdxLabels(idx(IDX_LABELS_MAGIC, [n], data.slice(0, Math.min(200, n + slack))), 'fuzz.idx'),
        );
        if (labels) expect(labels.every((l) => l < 10)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gzip: corrupt or truncated streams are a DatasetError, whole ones round-trip', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 255 }), (data, at, mask) => {
        const zipped = gzipSync(data);
        expect(maybeGunzip(zipped, 'fuzz.idx')).toEqual(data);
        const bad = zipped.slice(0, Math.max(2, at % zipped.length));
        if (bad.length > 2) bad[bad.length - 1]! ^= mask;
        parsedOrRefused(() => maybeGunzip(bad, 'fuzz.idx'));
      }),
      { numRuns: 300 },
    );
  });
});
