import { type Backend, OptionError, type Rng, type Shape, sizeOf, type Tensor } from '@rfa/tensor';

/**
 * A fixed 0/1 connectivity mask with exactly round(fraction · size) zeros at
 * positions drawn by `rng` (a partial Fisher–Yates shuffle), for the paper's
 * sparse-connectivity experiment (50% of W and B removed and kept removed).
 */
export function connectivityMask(backend: Backend, shape: Shape, removeFraction: number, rng: Rng): Tensor {
  if (!(removeFraction >= 0 && removeFraction <= 1)) {
    throw new OptionError(`connectivityMask: removeFraction must be in [0, 1], got ${removeFraction}`);
  }
  const size = sizeOf(shape);
  const removed = Math.round(removeFraction * size);
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  const values = new Float32Array(size).fill(1);
  for (let i = 0; i < removed; i++) {
    const j = i + rng.int(size - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
    values[order[i]] = 0;
  }
  return backend.fromArray(values, shape);
}

/** w ← w ∘ mask (keeps removed connections at zero after an update). */
export function applyMask(backend: Backend, w: Tensor, mask: Tensor): void {
  backend.mul(w, w, mask);
}
