// Window kernels (im2col, col2im, max and average pooling) over NHWC images, in
// place in wasm memory. The geometry is an i32 block at `geom` (see GEOM_*), so one
// export serves every op and a thread can run any range of images [b0, b1): images
// are independent, and every kernel writes only the entries of its own images.
// A pixel's channels are contiguous, and so are the kW pixels a window row covers,
// so each window row is one run of kW·C floats: copied or added with f32x4.

import {
  addRun,
  copyRun,
  GEOM_C,
  GEOM_H,
  GEOM_KH,
  GEOM_KW,
  GEOM_OH,
  GEOM_OW,
  GEOM_PL,
  GEOM_PT,
  GEOM_SH,
  GEOM_SW,
  GEOM_W,
  slot,
} from './window-common';
import { avgPoolBackwardImage, avgPoolImage, maxPoolBackwardImage, maxPoolImage } from './pool';

/** The i32 slots of a geometry block: H, W, C, kH, kW, sH, sW, padTop, padLeft, outH, outW. */
export function windowGeometrySlots(): i32 {
  return 11;
}

/**
 * One window op on images [b0, b1) of the batch. op 0 im2col (out cols, a x);
 * 1 col2im (out x, a cols); 2 maxPool (out, a x, b argmax); 3 maxPoolBackward
 * (out dx, a dy, b argmax); 4 avgPool (out, a x); 5 avgPoolBackward (out dx, a dy).
 * Pointers are byte addresses of image 0 of each operand.
 */
export function windowOp(op: i32, geom: usize, out: usize, a: usize, b: usize, b0: i32, b1: i32): void {
  const H = slot(geom, GEOM_H);
  const W = slot(geom, GEOM_W);
  const C = slot(geom, GEOM_C);
  const kH = slot(geom, GEOM_KH);
  const kW = slot(geom, GEOM_KW);
  const image = <usize>(H * W * C);
  const pooled = <usize>(slot(geom, GEOM_OH) * slot(geom, GEOM_OW) * C);
  const cols = pooled * <usize>(kH * kW);
  for (let n = b0; n < b1; n++) {
    const i = <usize>n;
    if (op === 0) im2colImage(geom, out + ((i * cols) << 2), a + ((i * image) << 2));
    else if (op === 1) col2imImage(geom, out + ((i * image) << 2), a + ((i * cols) << 2));
    else if (op === 2) maxPoolImage(geom, out + ((i * pooled) << 2), b + ((i * pooled) << 2), a + ((i * image) << 2));
    else if (op === 3)
      maxPoolBackwardImage(geom, out + ((i * image) << 2), a + ((i * pooled) << 2), b + ((i * pooled) << 2));
    else if (op === 4) avgPoolImage(geom, out + ((i * pooled) << 2), a + ((i * image) << 2));
    else avgPoolBackwardImage(geom, out + ((i * image) << 2), a + ((i * pooled) << 2));
  }
}

/** The patches of one image: per window and window row, one run of kW·C floats (zeros on padding). */
function im2colImage(geom: usize, cols: usize, x: usize): void {
  const H = slot(geom, GEOM_H);
  const W = slot(geom, GEOM_W);
  const C = slot(geom, GEOM_C);
  const kH = slot(geom, GEOM_KH);
  const kW = slot(geom, GEOM_KW);
  const OH = slot(geom, GEOM_OH);
  const OW = slot(geom, GEOM_OW);
  const SH = slot(geom, GEOM_SH);
  const SW = slot(geom, GEOM_SW);
  const PT = slot(geom, GEOM_PT);
  const PL = slot(geom, GEOM_PL);
  const run = kW * C;
  let o = cols;
  for (let oy = 0; oy < OH; oy++) {
    const y0 = oy * SH - PT;
    for (let ox = 0; ox < OW; ox++) {
      const x0 = ox * SW - PL;
      const inside = x0 >= 0 && x0 + kW <= W;
      for (let ky = 0; ky < kH; ky++, o += (<usize>run) << 2) {
        const iy = y0 + ky;
        if (iy < 0 || iy >= H) {
          memory.fill(o, 0, (<usize>run) << 2);
          continue;
        }
        const row = x + ((<usize>((iy * W + x0) * C)) << 2);
        if (inside) {
          copyRun(o, row, run);
          continue;
        }
        for (let kx = 0; kx < kW; kx++) {
          const dst = o + ((<usize>(kx * C)) << 2);
          const ix = x0 + kx;
          if (ix < 0 || ix >= W) memory.fill(dst, 0, (<usize>C) << 2);
          else copyRun(dst, row + ((<usize>(kx * C)) << 2), C);
        }
      }
    }
  }
}

/** One image of col2im: zero it, then add each window row's run back where it came from. */
function col2imImage(geom: usize, x: usize, cols: usize): void {
  const H = slot(geom, GEOM_H);
  const W = slot(geom, GEOM_W);
  const C = slot(geom, GEOM_C);
  const kH = slot(geom, GEOM_KH);
  const kW = slot(geom, GEOM_KW);
  const OH = slot(geom, GEOM_OH);
  const OW = slot(geom, GEOM_OW);
  const SH = slot(geom, GEOM_SH);
  const SW = slot(geom, GEOM_SW);
  const PT = slot(geom, GEOM_PT);
  const PL = slot(geom, GEOM_PL);
  const run = kW * C;
  memory.fill(x, 0, (<usize>(H * W * C)) << 2);
  let o = cols;
  for (let oy = 0; oy < OH; oy++) {
    const y0 = oy * SH - PT;
    for (let ox = 0; ox < OW; ox++) {
      const x0 = ox * SW - PL;
      const inside = x0 >= 0 && x0 + kW <= W;
      for (let ky = 0; ky < kH; ky++, o += (<usize>run) << 2) {
        const iy = y0 + ky;
        if (iy < 0 || iy >= H) continue;
        const row = x + ((<usize>((iy * W + x0) * C)) << 2);
        if (inside) {
          addRun(row, o, run);
          continue;
        }
        for (let kx = 0; kx < kW; kx++) {
          const ix = x0 + kx;
          if (ix >= 0 && ix < W) addRun(row + ((<usize>(kx * C)) << 2), o + ((<usize>(kx * C)) << 2), C);
        }
      }
    }
  }
}
