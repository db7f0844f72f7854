// Window kernels (im2col, col2im, max and average pooling) over NHWC images, in
// place in wasm memory. The geometry is an i32 block at `geom` (see GEOM_*), so one
// export serves every op and a thread can run any range of images [b0, b1): images
// are independent, and every kernel writes only the entries of its own images.
// A pixel's channels are contiguous, and so are the kW pixels a window row covers,
// so each window row is one run of kW·C floats: copied or added with f32x4.

const GEOM_H = 0;
const GEOM_W = 1;
const GEOM_C = 2;
const GEOM_KH = 3;
const GEOM_KW = 4;
const GEOM_SH = 5;
const GEOM_SW = 6;
const GEOM_PT = 7;
const GEOM_PL = 8;
const GEOM_OH = 9;
const GEOM_OW = 10;

/** The i32 slots of a geometry block: H, W, C, kH, kW, sH, sW, padTop, padLeft, outH, outW. */
export function windowGeometrySlots(): i32 {
  return 11;
}

@inline
function slot(geom: usize, i: i32): i32 {
  return load<i32>(geom + ((<usize>i) << 2));
}

/** dst[0..n) = src[0..n) (floats). */
@inline
function copyRun(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + ((<usize>i) << 2), v128.load(src + ((<usize>i) << 2)));
  for (; i < n; i++) store<f32>(dst + ((<usize>i) << 2), load<f32>(src + ((<usize>i) << 2)));
}

/** dst[0..n) += src[0..n) (floats). */
@inline
function addRun(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}

/** dst[0..n) += scale · src[0..n) (floats). */
@inline
function addScaledRun(dst: usize, src: usize, n: i32, scale: f32): void {
  const vs = f32x4.splat(scale);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), f32x4.mul(vs, v128.load(src + o))));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dst + o, load<f32>(dst + o) + scale * load<f32>(src + o));
  }
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

/** One image of maxPool: per window, the first real tap starts the max; a later tap wins only when greater. */
function maxPoolImage(geom: usize, out: usize, argmax: usize, x: usize): void {
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
function maxPoolBackwardImage(geom: usize, dx: usize, dy: usize, argmax: usize): void {
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
function avgPoolImage(geom: usize, out: usize, x: usize): void {
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
function avgPoolBackwardImage(geom: usize, dx: usize, dy: usize): void {
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
