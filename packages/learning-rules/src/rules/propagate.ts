import type { Backend, Tensor } from '@rfa/tensor';
import type { FeedbackMatrix } from '../rule.js';

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

/**
 * Carries the output layer's signal down layer by layer:
 * `deltas[l] = (deltas[l+1] · M_{l+1}) ∘ f'(a_l)` for l = L−2 … 0, where
 * `matrixAbove(l+1)` gives M in W's layout (transposeM false) or Wᵀ's (true).
 */
export function propagateDown(
  backend: Backend,
  deltas: readonly Tensor[],
  derivatives: readonly (Tensor | null)[],
  matrixAbove: (layer: number) => Tensor,
  transposeM: boolean,
): void {
  for (let l = deltas.length - 2; l >= 0; l--) {
    propagate(backend, deltas[l], deltas[l + 1], matrixAbove(l + 1), transposeM, derivatives[l]!);
  }
}

/** The non-null matrices of a per-layer list, as a rule's `feedback()` reports them. */
export function feedbackList(
  matrices: readonly (Tensor | null)[],
  layout: FeedbackMatrix['layout'],
): FeedbackMatrix[] {
  return matrices.flatMap((tensor, layer) => (tensor ? [{ layer, layout, tensor }] : []));
}
