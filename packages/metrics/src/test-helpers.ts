import { Rng } from '@rfa/tensor';

/** Seeded uniform draws in [low, high), as float64. */
export function uniformArray(seed: number, length: number, low = -1, high = 1): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) out[k] = rng.uniformIn(low, high);
  return out;
}

/** Seeded normal draws with a given mean and s.d. */
export function normalArray(seed: number, length: number, center = 0, spread = 1): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) out[k] = center + spread * rng.normal();
  return out;
}

/** Reference angle by the textbook arccos formula, in degrees, float64 (the test oracle). */
export function arccosAngle(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  const cosine = Math.min(1, Math.max(-1, dot / Math.sqrt(aa * bb)));
  return (Math.acos(cosine) * 180) / Math.PI;
}
