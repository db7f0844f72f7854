import type { ForwardCache } from '@rfa/layers';
import { type Backend, OptionError, type Tensor } from '@rfa/tensor';

/**
 * 'mse': e = y* − y, L = ½ Σ e² per example; 'softmax-ce': L = −Σ y* log softmax(a);
 * 'sigmoid-ce' (logistic outputs, each a separate yes/no): L = −Σ [y* log y + (1 − y*) log(1 − y)].
 * All averaged over the batch.
 */
export type Loss = 'mse' | 'softmax-ce' | 'sigmoid-ce';

const LOSSES: readonly Loss[] = ['mse', 'softmax-ce', 'sigmoid-ce'];

export function checkLoss(loss: Loss, outputActivation: string): void {
  if (!LOSSES.includes(loss))
    throw new OptionError(`loss must be one of ${LOSSES.join(', ')}, got '${loss}'`);
  if ((outputActivation === 'softmax') !== (loss === 'softmax-ce')) {
    throw new OptionError(
      `loss '${loss}' does not fit output activation '${outputActivation}': a softmax output goes with 'softmax-ce' only, and 'softmax-ce' needs a softmax output`,
    );
  }
  if (loss === 'sigmoid-ce' && outputActivation !== 'logistic')
    throw new OptionError(`loss 'sigmoid-ce' needs a logistic output layer, got '${outputActivation}'`);
}

/**
 * The output layer's teaching signal, −∂L/∂a_out: `(y* − y) ∘ g'(a)` for squared
 * error, `y* − softmax(a)` for softmax cross-entropy, `y* − σ(a)` for sigmoid cross-entropy
 * (the logistic's derivative cancels). With `error`, the raw error
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
    else if (loss === 'sigmoid-ce') total -= binaryLogLikelihood(target[i], output[i]);
    else if (target[i] !== 0) total -= target[i] * Math.log(Math.max(output[i], 1e-30));
  }
  return total / rows;
}

/** `t log y + (1 − t) log(1 − y)`, each log taken only where its weight is nonzero (y clamped off 0). */
function binaryLogLikelihood(t: number, y: number): number {
  let s = 0;
  if (t !== 0) s += t * Math.log(Math.max(y, 1e-30));
  if (t !== 1) s += (1 - t) * Math.log(Math.max(1 - y, 1e-30));
  return s;
}
