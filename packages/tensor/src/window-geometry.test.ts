import { describe, expect, it } from 'vitest';
import { OptionError, ShapeError } from './errors.js';
import { checkWindowGeometry, windowGeometry } from './window-geometry.js';

const image = { batch: 2, height: 28, width: 28, channels: 1 };

describe('windowGeometry', () => {
  it("'valid' (the default) fits whole windows: 28 − 5 + 1 = 24, stride 1", () => {
    expect(windowGeometry({ ...image, kernel: 5 })).toEqual({
      ...image,
      kernelHeight: 5,
      kernelWidth: 5,
      strideHeight: 1,
      strideWidth: 1,
      padTop: 0,
      padLeft: 0,
      outHeight: 24,
      outWidth: 24,
    });
  });

  it('stride floors the last partial window: 2×2 stride 2 over 28 → 14, over 5 → 2', () => {
    const g = windowGeometry({ ...image, kernel: 2, stride: 2 });
    expect([g.outHeight, g.outWidth]).toEqual([14, 14]);
    const odd = windowGeometry({ batch: 1, height: 5, width: 7, channels: 3, kernel: 2, stride: 2 });
    expect([odd.outHeight, odd.outWidth]).toEqual([2, 3]);
  });

  it("'same' follows TensorFlow: out = ceil(in / stride), the odd pixel of padding after", () => {
    // 5 wide, kernel 3, stride 2: out 3, total padding (3−1)·2 + 3 − 5 = 2 → 1 before
    const a = windowGeometry({
      batch: 1,
      height: 5,
      width: 5,
      channels: 1,
      kernel: 3,
      stride: 2,
      padding: 'same',
    });
    expect([a.outHeight, a.padTop, a.outWidth, a.padLeft]).toEqual([3, 1, 3, 1]);
    // 4 wide, kernel 2, stride 1: out 4, total 1 → 0 before, 1 after
    const b = windowGeometry({ batch: 1, height: 4, width: 4, channels: 1, kernel: 2, padding: 'same' });
    expect([b.outHeight, b.padTop]).toEqual([4, 0]);
    // 6 wide, kernel 3, stride 2: out 3, total max(2·2 + 3 − 6, 0) = 1 → 0 before
    const c = windowGeometry({
      batch: 1,
      height: 6,
      width: 6,
      channels: 1,
      kernel: 3,
      stride: 2,
      padding: 'same',
    });
    expect([c.outHeight, c.padTop]).toEqual([3, 0]);
    // 28 wide, kernel 5: out 28, total 4 → 2 before
    const d = windowGeometry({ ...image, kernel: 5, padding: 'same' });
    expect([d.outHeight, d.padTop, d.outWidth, d.padLeft]).toEqual([28, 2, 28, 2]);
  });

  it('explicit padding pads each side: 28 + 2·2 − 5 + 1 = 28; pairs are [height, width]', () => {
    const g = windowGeometry({ ...image, kernel: 5, padding: 2 });
    expect([g.outHeight, g.padTop, g.outWidth, g.padLeft]).toEqual([28, 2, 28, 2]);
    const r = windowGeometry({
      batch: 1,
      height: 6,
      width: 9,
      channels: 2,
      kernel: [3, 2],
      stride: [1, 3],
      padding: [1, 0],
    });
    // height: 6 + 2 − 3 + 1 = 6; width: floor((9 − 2) / 3) + 1 = 3
    expect(r).toMatchObject({ kernelHeight: 3, kernelWidth: 2, strideHeight: 1, strideWidth: 3 });
    expect([r.outHeight, r.padTop, r.outWidth, r.padLeft]).toEqual([6, 1, 3, 0]);
  });

  it('names the bad field: ShapeError for image sizes and windows that do not fit, OptionError for options', () => {
    const bad = (o: object, type: typeof ShapeError | typeof OptionError, text: RegExp) =>
      expect(() => windowGeometry({ ...image, kernel: 3, ...o })).toThrow(
        expect.objectContaining({ constructor: type, message: expect.stringMatching(text) }),
      );
    bad({ batch: 0 }, ShapeError, /batch must be a positive integer, got 0/);
    bad({ height: 2.5 }, ShapeError, /height must be a positive integer, got 2.5/);
    bad({ channels: undefined }, ShapeError, /channels/);
    bad({ kernel: 0 }, OptionError, /kernel must be a positive integer/);
    bad({ kernel: [3] }, OptionError, /kernel must be a number or \[height, width\]/);
    bad({ stride: [1, 0] }, OptionError, /stride\[1\] must be a positive integer, got 0/);
    bad({ padding: 'full' }, OptionError, /padding must be 'valid', 'same'/);
    bad({ padding: -1 }, OptionError, /padding must be/);
    bad({ padding: 3 }, OptionError, /padding 3 along the height must be smaller than the kernel \(3\)/);
    bad({ height: 2 }, ShapeError, /a kernel of 3 does not fit the height 2/);
    expect(() => windowGeometry(null as never)).toThrow(OptionError);
  });

  it('checkWindowGeometry accepts what windowGeometry makes and names a broken field', () => {
    const g = windowGeometry({ ...image, kernel: 5, stride: 2, padding: 'same' });
    expect(() => checkWindowGeometry('im2col', g)).not.toThrow();
    expect(() => checkWindowGeometry('im2col', { ...g, channels: 0 })).toThrow(/im2col: geometry channels/);
    expect(() => checkWindowGeometry('im2col', { ...g, padTop: 5 })).toThrow(
      /geometry padTop must be an integer in \[0, 4\]/,
    );
    expect(() => checkWindowGeometry('im2col', { ...g, outWidth: 16 })).toThrow(
      /geometry outWidth 16 puts windows past the image/,
    );
  });
});
