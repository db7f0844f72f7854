import type { Backend, Tensor } from '@rfa/tensor';

/** The largest subnormal float32, (1 − 2^−23)·2^−126: anything of greater magnitude is normal. */
export const LARGEST_SUBNORMAL = 2 ** -126 - 2 ** -149;

/**
 * x ← 0 where x is subnormal (0 < |x| < 2^−126), with `mask` (x's shape) as scratch;
 * normal values, infinities and NaN are kept bit for bit (times 1, or NaN times 0).
 * Three backend ops, so every backend flushes alike.
 */
export function flushSubnormals(backend: Backend, x: Tensor, mask: Tensor): void {
  backend.unary(mask, x, 'abs');
  backend.greater(mask, mask, LARGEST_SUBNORMAL);
  backend.mul(x, x, mask);
}
