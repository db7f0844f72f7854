import { type Rng, type Shape, sizeOf } from '@rfa/tensor';

/** Shapes every elementwise op is run on: degenerate, odd, block-straddling, larger. */
export const ELEMENTWISE_SHAPES: Shape[] = [
  [1],
  [17],
  [1, 1],
  [1, 9],
  [9, 1],
  [7, 13],
  [33, 65],
  [64, 64],
  [129, 257],
];

/** (m, n, k) for gemm: 1×1, thin, odd, not multiples of any block size, and the MNIST layer size. */
export const GEMM_SIZES: [number, number, number][] = [
  [1, 1, 1],
  [1, 17, 9],
  [17, 1, 9],
  [9, 13, 1],
  [5, 7, 3],
  [33, 65, 31],
  [64, 64, 64],
  [67, 129, 257],
];

/** The large case of the suite: one MNIST-sized layer, (128×784)·(784×1000). */
export const GEMM_LARGE: [number, number, number] = [128, 1000, 784];

/** Values drawn U[low, high) as float32, from `rng`. */
export function randomArray(rng: Rng, shape: Shape, low = -1, high = 1): Float32Array {
  const out = new Float32Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * rng.uniform();
  return out;
}
