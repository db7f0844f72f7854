// Max and average pooling of one image and their backward ops, for windowOp in
// window.ts: four channels a f32x4 where the image has them, a scalar tail for the rest.

import {
  addRun,
  addScaledRun,
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

/** One image of maxPool: per window, the first real tap starts the max; a later tap wins only when greater. */
export function maxPoolImage(geom: usize, out: usize, argmax: usize, x: usize): void {
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
  let o: usize = 0;
  for (let oy = 0; oy < OH; oy++) {
    const y0 = oy * SH - PT;
    const ky0 = max(0, -y0);
    const ky1 = min(kH, H - y0);
    for (let ox = 0; ox < OW; ox++, o += (<usize>C) << 2) {
      const x0 = ox * SW - PL;
      const kx0 = max(0, -x0);
      const kx1 = min(kW, W - x0);
      let c = 0;
      for (; c + 4 <= C; c += 4) {
        const first = x + ((<usize>(((y0 + ky0) * W + x0 + kx0) * C + c)) << 2);
        let best = v128.load(first);
        let index = f32x4.splat(<f32>(ky0 * kW + kx0));
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const v = v128.load(x + ((<usize>(((y0 + ky) * W + x0 + kx) * C + c)) << 2));
            const wins = f32x4.gt(v, best);
            best = v128.bitselect(v, best, wins);
            index = v128.bitselect(f32x4.splat(<f32>(ky * kW + kx)), index, wins);
          }
        }
        v128.store(out + o + ((<usize>c) << 2), best);
        v128.store(argmax + o + ((<usize>c) << 2), index);
      }
      for (; c < C; c++) {
        let best = load<f32>(x + ((<usize>(((y0 + ky0) * W + x0 + kx0) * C + c)) << 2));
        let index = ky0 * kW + kx0;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const v = load<f32>(x + ((<usize>(((y0 + ky) * W + x0 + kx) * C + c)) << 2));
            if (v > best) {
              best = v;
              index = ky * kW + kx;
            }
          }
        }
        store<f32>(out + o + ((<usize>c) << 2), best);
        store<f32>(argmax + o + ((<usize>c) << 2), <f32>index);
      }
    }
  }
}

/** One image of maxPoolBackward: zero dx, then add each dy onto its window's winner (a bad argmax routes nothing). */
export function maxPoolBackwardImage(geom: usize, dx: usize, dy: usize, argmax: usize): void {
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
  memory.fill(dx, 0, (<usize>(H * W * C)) << 2);
  let o: usize = 0;
  for (let oy = 0; oy < OH; oy++) {
    const y0 = oy * SH - PT;
    for (let ox = 0; ox < OW; ox++) {
      const x0 = ox * SW - PL;
      for (let c = 0; c < C; c++, o += 4) {
        const t = load<f32>(argmax + o);
        if (!(t >= 0 && t < <f32>(kH * kW))) continue;
        const tap = <i32>t;
        const ky = tap / kW;
        const iy = y0 + ky;
        const ix = x0 + tap - ky * kW;
        if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
        const p = dx + ((<usize>((iy * W + ix) * C + c)) << 2);
        store<f32>(p, load<f32>(p) + load<f32>(dy + o));
      }
    }
  }
}

/** One image of avgPool: per window, the sum of its real pixels' channel runs, over kH·kW. */
export function avgPoolImage(geom: usize, out: usize, x: usize): void {
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
  const scale = <f32>1 / <f32>(kH * kW);
  let o = out;
  for (let oy = 0; oy < OH; oy++) {
    const y0 = oy * SH - PT;
    const iy0 = max(0, y0);
    const iy1 = min(H, y0 + kH);
    for (let ox = 0; ox < OW; ox++, o += (<usize>C) << 2) {
      const x0 = ox * SW - PL;
      const ix0 = max(0, x0);
      const ix1 = min(W, x0 + kW);
      memory.fill(o, 0, (<usize>C) << 2);
      for (let iy = iy0; iy < iy1; iy++) {
        for (let ix = ix0; ix < ix1; ix++) addRun(o, x + ((<usize>((iy * W + ix) * C)) << 2), C);
      }
      let c = 0;
      for (; c + 4 <= C; c += 4) {
        const p = o + ((<usize>c) << 2);
        v128.store(p, f32x4.mul(v128.load(p), f32x4.splat(scale)));
      }
      for (; c < C; c++) store<f32>(o + ((<usize>c) << 2), load<f32>(o + ((<usize>c) << 2)) * scale);
    }
  }
}

/** One image of avgPoolBackward: zero dx, then add dy / (kH·kW) onto every real pixel of each window. */
export function avgPoolBackwardImage(geom: usize, dx: usize, dy: usize): void {
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
  const scale = <f32>1 / <f32>(kH * kW);
  memory.fill(dx, 0, (<usize>(H * W * C)) << 2);
  let o = dy;
  for (let oy = 0; oy < OH; oy++) {
    const y0 = oy * SH - PT;
    const iy0 = max(0, y0);
    const iy1 = min(H, y0 + kH);
    for (let ox = 0; ox < OW; ox++, o += (<usize>C) << 2) {
      const x0 = ox * SW - PL;
      const ix0 = max(0, x0);
      const ix1 = min(W, x0 + kW);
      for (let iy = iy0; iy < iy1; iy++) {
        for (let ix = ix0; ix < ix1; ix++) addScaledRun(dx + ((<usize>((iy * W + ix) * C)) << 2), o, C, scale);
      }
    }
  }
}
