import type { Backend, Tensor } from '@rfa/tensor';

/**
 * delta_below = (delta_above · M) ∘ f'(a_below), where M is W (backprop), a
 * feedback matrix in W's layout (transposeM false) or in Wᵀ's layout (transposeM true).
 * A softmax layer below has no pointwise derivative and cannot be a hidden layer.
 */
export function propagate(
  backend: Backend,
  deltaBelow: Tensor,
  deltaAbove: Tensor,
  matrix: Tensor,
  transposeM: boolean,
  derivativeBelow: Tensor,
): void {
  backend.gemm(deltaBelow, deltaAbove, matrix, { transB: transposeM });
  backend.mul(deltaBelow, deltaBelow, derivativeBelow);
}
