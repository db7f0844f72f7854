import type { ForwardCache } from '@rfa/layers';
import { type Backend, OptionError, type Tensor } from '@rfa/tensor';

/** 'mse': e = y* − y, L = ½ Σ e² per example; 'softmax-ce': L = −Σ y* log softmax(a). Both averaged over the batch. */
export type Loss = 'mse' | 'softmax-ce';

export function checkLoss(loss: Loss, outputActivation: string): void {
  if (loss !== 'mse' && loss !== 'softmax-ce')
    throw new OptionError(`loss must be 'mse' or 'softmax-ce', got '${loss}'`);
  if ((outputActivation === 'softmax') !== (loss === 'softmax-ce')) {
    throw new OptionError(
      `loss '${loss}' does not fit output activation '${outputActivation}': a softmax output goes with 'softmax-ce' only, and 'softmax-ce' needs a softmax output`,
    );
  }
}

/**
 * The output layer's teaching signal, −∂L/∂a_out: `(y* − y) ∘ g'(a)` for squared
 * error, `y* − softmax(a)` for softmax cross-entropy. With `error`, the raw error
 * `y* − y` is kept there too (the paper's FA sends it down unchanged).
 */
export function outputDelta(
  backend: Backend,
  cache: ForwardCache,
  target: Tensor,
  loss: Loss,
  delta: Tensor,
  error?: Tensor,
): void {
  const last = cache.post.length - 1;
  if (!error) {
    backend.sub(delta, target, cache.post[last]);
    if (loss === 'mse') backend.mul(delta, delta, cache.derivative[last]!);
    return;
  }
  backend.sub(error, target, cache.post[last]);
  if (loss === 'mse') backend.mul(delta, error, cache.derivative[last]!);
  else backend.copy(delta, error);
}

/** Host-side loss of a batch (float64), averaged over rows. */
export function lossValue(
  output: ArrayLike<number>,
  target: ArrayLike<number>,
  rows: number,
  cols: number,
  loss: Loss,
): number {
  let total = 0;
  for (let i = 0; i < rows * cols; i++) {
    if (loss === 'mse') total += 0.5 * (target[i] - output[i]) ** 2;
    else if (target[i] !== 0) total -= target[i] * Math.log(Math.max(output[i], 1e-30));
  }
  return total / rows;
}
