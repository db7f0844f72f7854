import type { WindowGeometry } from '@rfa/tensor';

// Plain-JS window kernels on NHWC rows: pixel (y, x), channel c of image b is
// entry ((b·H + y)·W + x)·C + c; a patch row of im2col is (ky, kx, c) in that order.
// The backward kernels scatter into a zeroed output (one thread, so no races).

/**
 * cols[(b, oy, ox), (ky, kx, c)] = x[b, oy·sH − padTop + ky, ox·sW − padLeft + kx, c], 0 in
 * the padding. The taps of one window row that fall inside the image are one contiguous
 * run of floats in x and in cols, so each window row is a zeroed edge, a copied run, an edge.
 */
export function im2col(cols: Float32Array, x: Float32Array, g: WindowGeometry): void {
  const { batch, height: H, width: W, channels: C, kernelHeight: kH, kernelWidth: kW } = g;
  const { outHeight: OH, outWidth: OW, strideHeight: SH, strideWidth: SW, padTop: PT, padLeft: PL } = g;
  const run = kW * C;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * SH - PT;
      for (let ox = 0; ox < OW; ox++) {
        const x0 = ox * SW - PL;
        const from = Math.max(0, -x0) * C; // first float of the run inside the image
        const to = Math.min(kW, W - x0) * C; // one past its last
        for (let ky = 0; ky < kH; ky++, o += run) {
          const iy = y0 + ky;
          if (iy < 0 || iy >= H) {
            cols.fill(0, o, o + run);
            continue;
          }
          const p = ((b * H + iy) * W + x0) * C; // where tap kx = 0 would read (before the image if x0 < 0)
          for (let i = 0; i < from; i++) cols[o + i] = 0;
          for (let i = from; i < to; i++) cols[o + i] = x[p + i];
          for (let i = to; i < run; i++) cols[o + i] = 0;
        }
      }
    }
  }
}

/** x = 0, then every patch entry of cols added onto the pixel it came from (runs, as in im2col). */
export function col2im(x: Float32Array, cols: Float32Array, g: WindowGeometry): void {
  const { batch, height: H, width: W, channels: C, kernelHeight: kH, kernelWidth: kW } = g;
  const { outHeight: OH, outWidth: OW, strideHeight: SH, strideWidth: SW, padTop: PT, padLeft: PL } = g;
  const run = kW * C;
  x.fill(0);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * SH - PT;
      for (let ox = 0; ox < OW; ox++) {
        const x0 = ox * SW - PL;
        const from = Math.max(0, -x0) * C;
        const to = Math.min(kW, W - x0) * C;
        for (let ky = 0; ky < kH; ky++, o += run) {
          const iy = y0 + ky;
          if (iy < 0 || iy >= H) continue;
          const p = ((b * H + iy) * W + x0) * C;
          for (let i = from; i < to; i++) x[p + i] += cols[o + i];
        }
      }
    }
  }
}

/** out = window max per channel over the pixels of the image (padding never wins); argmax = ky·kW + kx of the first max. */
export function maxPool(out: Float32Array, argmax: Float32Array, x: Float32Array, g: WindowGeometry): void {
  const { batch, height: H, width: W, channels: C, kernelHeight: kH, kernelWidth: kW } = g;
  const { outHeight: OH, outWidth: OW, strideHeight: SH, strideWidth: SW, padTop: PT, padLeft: PL } = g;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * SH - PT;
      for (let ox = 0; ox < OW; ox++, o += C) {
        const x0 = ox * SW - PL;
        for (let c = 0; c < C; c++) {
          let best = 0;
          let index = -1;
          for (let ky = 0; ky < kH; ky++) {
            const iy = y0 + ky;
            if (iy < 0 || iy >= H) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ix = x0 + kx;
              if (ix < 0 || ix >= W) continue;
              const v = x[((b * H + iy) * W + ix) * C + c];
              if (index < 0 || v > best) {
                best = v;
                index = ky * kW + kx;
              }
            }
          }
          out[o + c] = best;
          argmax[o + c] = index;
        }
      }
    }
  }
}

/** dx = 0, then dy added onto each window's winner. */
export function maxPoolBackward(
  dx: Float32Array,
  dy: Float32Array,
  argmax: Float32Array,
  g: WindowGeometry,
): void {
  const { batch, height: H, width: W, channels: C, kernelHeight: kH, kernelWidth: kW } = g;
  const { outHeight: OH, outWidth: OW, strideHeight: SH, strideWidth: SW, padTop: PT, padLeft: PL } = g;
  dx.fill(0);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * SH - PT;
      for (let ox = 0; ox < OW; ox++, o += C) {
        const x0 = ox * SW - PL;
        for (let c = 0; c < C; c++) {
          const index = argmax[o + c];
          const ky = Math.floor(index / kW);
          const iy = y0 + ky;
          const ix = x0 + index - ky * kW;
          // an argmax maxPool did not write (out of its window or on padding) routes nothing
          if (!(index >= 0 && index < kH * kW && iy >= 0 && iy < H && ix >= 0 && ix < W)) continue;
          dx[((b * H + iy) * W + ix) * C + c] += dy[o + c];
        }
      }
    }
  }
}

/** out = window sum per channel / (kH·kW); padding adds zeros. */
export function avgPool(out: Float32Array, x: Float32Array, g: WindowGeometry): void {
  const { batch, height: H, width: W, channels: C, kernelHeight: kH, kernelWidth: kW } = g;
  const { outHeight: OH, outWidth: OW, strideHeight: SH, strideWidth: SW, padTop: PT, padLeft: PL } = g;
  const scale = 1 / (kH * kW);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * SH - PT;
      for (let ox = 0; ox < OW; ox++, o += C) {
        const x0 = ox * SW - PL;
        for (let c = 0; c < C; c++) {
          let s = 0;
          for (let iy = Math.max(y0, 0); iy < Math.min(y0 + kH, H); iy++) {
            for (let ix = Math.max(x0, 0); ix < Math.min(x0 + kW, W); ix++)
              s += x[((b * H + iy) * W + ix) * C + c];
          }
          out[o + c] = s * scale;
        }
      }
    }
  }
}

/** dx = 0, then dy / (kH·kW) added onto every pixel of each window. */
export function avgPoolBackward(dx: Float32Array, dy: Float32Array, g: WindowGeometry): void {
  const { batch, height: H, width: W, channels: C, kernelHeight: kH, kernelWidth: kW } = g;
  const { outHeight: OH, outWidth: OW, strideHeight: SH, strideWidth: SW, padTop: PT, padLeft: PL } = g;
  const scale = 1 / (kH * kW);
  dx.fill(0);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * SH - PT;
      for (let ox = 0; ox < OW; ox++, o += C) {
        const x0 = ox * SW - PL;
        for (let iy = Math.max(y0, 0); iy < Math.min(y0 + kH, H); iy++) {
          for (let ix = Math.max(x0, 0); ix < Math.min(x0 + kW, W); ix++) {
            const p = ((b * H + iy) * W + ix) * C;
            for (let c = 0; c < C; c++) dx[p + c] += dy[o + c] * scale;
          }
        }
      }
    }
  }
}
