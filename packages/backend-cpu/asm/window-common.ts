// What the window kernels share: the geometry block's slots and the SIMD runs over a
// window row's floats (see window.ts).

export const GEOM_H = 0;
export const GEOM_W = 1;
export const GEOM_C = 2;
export const GEOM_KH = 3;
export const GEOM_KW = 4;
export const GEOM_SH = 5;
export const GEOM_SW = 6;
export const GEOM_PT = 7;
export const GEOM_PL = 8;
export const GEOM_OH = 9;
export const GEOM_OW = 10;

@inline
export function slot(geom: usize, i: i32): i32 {
  return load<i32>(geom + ((<usize>i) << 2));
}

/** dst[0..n) = src[0..n) (floats). */
@inline
export function copyRun(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + ((<usize>i) << 2), v128.load(src + ((<usize>i) << 2)));
  for (; i < n; i++) store<f32>(dst + ((<usize>i) << 2), load<f32>(src + ((<usize>i) << 2)));
}

/** dst[0..n) += src[0..n) (floats). */
@inline
export function addRun(dst: usize, src: usize, n: i32): void {
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
export function addScaledRun(dst: usize, src: usize, n: i32, scale: f32): void {
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
