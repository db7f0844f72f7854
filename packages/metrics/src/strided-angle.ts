import type { HostArray } from './host-array.js';
import { portableAtan2 } from './portable-atan.js';

const DEGREES_PER_RADIAN = 180 / Math.PI;

/**
 * Angle in degrees between `n` values of `a` (a[aOffset + k·aStride]) and `n` of `b`.
 * It equals `arccos(a·b / (|a||b|))`, computed as `2·atan2(|â - b̂|, |â + b̂|)` on the
 * unit vectors â, b̂ (W. Kahan, "How Futile are Mindless Assessments of Roundoff in
 * Floating-Point Computation?", 2006, §12): arccos loses half the digits near 0° and
 * 180° (a cosine of 1 - 1e-16 reads as ~1e-6°); this form stays accurate there and
 * needs no clamp. A zero vector, a NaN, or a squared norm past float64 gives NaN.
 */
export function stridedAngleDegrees(
  a: HostArray,
  aOffset: number,
  aStride: number,
  b: HostArray,
  bOffset: number,
  bStride: number,
  n: number,
): number {
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < n; k++) {
    const x = a[aOffset + k * aStride];
    const y = b[bOffset + k * bStride];
    aa += x * x;
    bb += y * y;
  }
  if (!usableNorms(aa, bb)) return Number.NaN;
  const scaleA = 1 / Math.sqrt(aa);
  const scaleB = 1 / Math.sqrt(bb);
  let diff = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const u = a[aOffset + k * aStride] * scaleA;
    const v = b[bOffset + k * bStride] * scaleB;
    diff += (u - v) * (u - v);
    sum += (u + v) * (u + v);
  }
  return angleFromSums(diff, sum);
}

/** True when both squared norms are positive and finite (false for NaN too). */
export function usableNorms(aa: number, bb: number): boolean {
  return aa > 0 && bb > 0 && aa < Infinity && bb < Infinity;
}

/**
 * `2·atan2(√diff, √sum)` in degrees, where diff = |â - b̂|² and sum = |â + b̂|²; the
 * arctangent is `portableAtan2`, so Node and every browser give the same bits.
 */
export function angleFromSums(diff: number, sum: number): number {
  return 2 * portableAtan2(Math.sqrt(diff), Math.sqrt(sum)) * DEGREES_PER_RADIAN;
}
