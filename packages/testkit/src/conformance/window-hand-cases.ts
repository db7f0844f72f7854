import { type Backend, type WindowGeometry, type WindowGeometryOptions, windowGeometry } from '@rfa/tensor';
import { expectClose, expectEqual } from '../expect-close.js';
import type { ConformanceCase } from './types.js';
import { runWindowOp, windowShapes } from './window-run.js';

// Hand-worked window ops on small images, every expected number written out.
// The 3×3 image is 1 … 9 row by row:   1 2 3
//                                      4 5 6
//                                      7 8 9
const NINE = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const one3x3 = (o: Partial<WindowGeometryOptions>): WindowGeometry =>
  windowGeometry({ batch: 1, height: 3, width: 3, channels: 1, kernel: 2, ...o });
const GARBAGE = 7; // outputs start full of it: every op must overwrite

/** im2col of the 3×3 image, 2×2 windows, stride 1: one row per window (ky, kx order). */
const PATCHES_STRIDE_1 = [1, 2, 4, 5, /**/ 2, 3, 5, 6, /**/ 4, 5, 7, 8, /**/ 5, 6, 8, 9];

async function im2col(backend: Backend, x: number[], g: WindowGeometry): Promise<Float32Array> {
  const s = windowShapes(g);
  const [cols] = await runWindowOp(backend, [{ data: x, shape: s.image }], [s.cols], ([c], [t]) =>
    backend.im2col(c, t, g),
  );
  return cols;
}

async function col2im(backend: Backend, cols: number[], g: WindowGeometry): Promise<Float32Array> {
  const s = windowShapes(g);
  const [x] = await runWindowOp(
    backend,
    [{ data: cols, shape: s.cols }],
    [s.image],
    ([t], [c]) => backend.col2im(t, c, g),
    GARBAGE,
  );
  return x;
}

async function maxPool(backend: Backend, x: number[], g: WindowGeometry): Promise<Float32Array[]> {
  const s = windowShapes(g);
  return runWindowOp(
    backend,
    [{ data: x, shape: s.image }],
    [s.pooled, s.pooled],
    ([o, a], [t]) => backend.maxPool(o, a, t, g),
    GARBAGE,
  );
}

async function maxPoolBackward(backend: Backend, dy: number[], argmax: number[], g: WindowGeometry) {
  const s = windowShapes(g);
  const [dx] = await runWindowOp(
    backend,
    [
      { data: dy, shape: s.pooled },
      { data: argmax, shape: s.pooled },
    ],
    [s.image],
    ([t], [d, a]) => backend.maxPoolBackward(t, d, a, g),
    GARBAGE,
  );
  return dx;
}

async function avgPool(backend: Backend, x: number[], g: WindowGeometry): Promise<Float32Array> {
  const s = windowShapes(g);
  const [out] = await runWindowOp(
    backend,
    [{ data: x, shape: s.image }],
    [s.pooled],
    ([o], [t]) => backend.avgPool(o, t, g),
    GARBAGE,
  );
  return out;
}

async function avgPoolBackward(backend: Backend, dy: number[], g: WindowGeometry): Promise<Float32Array> {
  const s = windowShapes(g);
  const [dx] = await runWindowOp(
    backend,
    [{ data: dy, shape: s.pooled }],
    [s.image],
    ([t], [d]) => backend.avgPoolBackward(t, d, g),
    GARBAGE,
  );
  return dx;
}

const exact = { atol: 0, rtol: 0 };

export function windowHandCases(): ConformanceCase[] {
  const c = (name: string, run: (backend: Backend) => Promise<void>): ConformanceCase => ({
    name: `windows by hand: ${name}`,
    group: 'windows',
    run,
  });
  return [
    c('im2col 3×3, 2×2 kernel, stride 1', async (b) => {
      expectEqual(await im2col(b, NINE, one3x3({})), PATCHES_STRIDE_1, 'im2col stride 1');
    }),
    c("im2col 3×3, 2×2 kernel, stride 2, 'same' (zeros after)", async (b) => {
      // out ceil(3/2) = 2; padding (2−1)·2 + 2 − 3 = 1, all of it after the image
      const want = [1, 2, 4, 5, /**/ 3, 0, 6, 0, /**/ 7, 8, 0, 0, /**/ 9, 0, 0, 0];
      expectEqual(await im2col(b, NINE, one3x3({ stride: 2, padding: 'same' })), want, 'im2col same');
    }),
    c('im2col 3×3, 3×3 kernel, padding 1 (zeros before and after)', async (b) => {
      const g = one3x3({ kernel: 3, padding: 1 });
      const got = await im2col(b, NINE, g);
      // window (0,0) is centred on pixel 1, window (1,1) is the whole image, (2,2) centred on 9
      expectEqual(got.subarray(0, 9), [0, 0, 0, 0, 1, 2, 0, 4, 5], 'window (0,0)');
      expectEqual(got.subarray(4 * 9, 5 * 9), NINE, 'window (1,1)');
      expectEqual(got.subarray(8 * 9, 9 * 9), [5, 6, 0, 8, 9, 0, 0, 0, 0], 'window (2,2)');
    }),
    c('im2col 2 channels, batch 2: entries (ky, kx, c), images in turn', async (b) => {
      // image 0: channel 0 = v, channel 1 = 10·v; image 1: the negatives
      const x: number[] = [];
      for (const sign of [1, -1]) for (const v of NINE) x.push(sign * v, sign * 10 * v);
      const want: number[] = [];
      for (const sign of [1, -1])
        for (let w = 0; w < 4; w++)
          for (let t = 0; t < 4; t++)
            want.push(sign * PATCHES_STRIDE_1[4 * w + t], sign * 10 * PATCHES_STRIDE_1[4 * w + t]);
      const g = windowGeometry({ batch: 2, height: 3, width: 3, channels: 2, kernel: 2 });
      expectEqual(await im2col(b, x, g), want, 'im2col 2 channels batch 2');
    }),
    c('col2im of ones counts the windows over each pixel; col2im(im2col(x)) = x · count', async (b) => {
      expectEqual(await col2im(b, Array(16).fill(1), one3x3({})), [1, 2, 1, 2, 4, 2, 1, 2, 1], 'coverage');
      expectEqual(await col2im(b, PATCHES_STRIDE_1, one3x3({})), [1, 4, 3, 8, 20, 12, 7, 16, 9], 'x · count');
      // stride 2 'same': the windows tile the image, padding entries go nowhere
      const g = one3x3({ stride: 2, padding: 'same' });
      expectEqual(await col2im(b, Array(16).fill(1), g), Array(9).fill(1), 'tiling windows');
    }),
    c('maxPool with overlapping windows, and its backward summing a shared winner', async (b) => {
      // 1 9 2 / 3 4 5 / 6 7 8: windows (0,0) and (0,1) share the 9
      const x = [1, 9, 2, 3, 4, 5, 6, 7, 8];
      const [out, argmax] = await maxPool(b, x, one3x3({}));
      expectEqual(out, [9, 9, 7, 8], 'max');
      expectEqual(argmax, [1, 0, 3, 3], 'argmax (ky·2 + kx)');
      const dx = await maxPoolBackward(b, [1, 10, 100, 1000], [1, 0, 3, 3], one3x3({}));
      expectEqual(dx, [0, 11, 0, 0, 0, 0, 0, 100, 1000], 'dx');
    }),
    c('maxPool ties pick the first tap (row by row)', async (b) => {
      // 4 4 1 / 4 2 3 / 0 3 3
      const [out, argmax] = await maxPool(b, [4, 4, 1, 4, 2, 3, 0, 3, 3], one3x3({}));
      expectEqual(out, [4, 4, 4, 3], 'max');
      expectEqual(argmax, [0, 0, 0, 1], 'argmax');
      const dx = await maxPoolBackward(b, [1, 10, 100, 1000], [0, 0, 0, 1], one3x3({}));
      expectEqual(dx, [1, 10, 0, 100, 0, 1000, 0, 0, 0], 'dx');
    }),
    c('maxPool: padding never wins, even over negative pixels', async (b) => {
      // −1 … −9, 3×3 windows, padding 1: each window's max is its top-left real pixel
      const [out, argmax] = await maxPool(
        b,
        NINE.map((v) => -v),
        one3x3({ kernel: 3, padding: 1 }),
      );
      expectEqual(out, [-1, -1, -2, -1, -1, -2, -4, -4, -5], 'max');
      expectEqual(argmax, [4, 3, 3, 1, 0, 0, 1, 0, 0], 'argmax counts padded taps');
    }),
    c("avgPool divides by kH·kW (padding counts as zero); stride 1 and stride 2 'same'", async (b) => {
      expectClose(await avgPool(b, NINE, one3x3({})), [3, 4, 6, 7], exact, 'stride 1');
      // (1+2+4+5)/4, (3+6)/4, (7+8)/4, 9/4
      const same = await avgPool(b, NINE, one3x3({ stride: 2, padding: 'same' }));
      expectClose(same, [3, 2.25, 3.75, 2.25], exact, "stride 2 'same'");
    }),
    c('avgPoolBackward spreads dy / 4 over each window, summing overlaps', async (b) => {
      // dy / 4 = 1, 2, 3, 4 for windows (0,0), (0,1), (1,0), (1,1)
      const dx = await avgPoolBackward(b, [4, 8, 12, 16], one3x3({}));
      expectClose(dx, [1, 3, 2, 4, 10, 6, 3, 7, 4], exact, 'dx');
    }),
  ];
}
