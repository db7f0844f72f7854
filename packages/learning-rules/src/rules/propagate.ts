import type { ForwardCache } from '@rfa/layers';
import { type Backend, OptionError, type Shape, type Tensor } from '@rfa/tensor';
import type { FeedbackMatrix } from '../rule.js';

/**
 * How the teaching signal travels between hidden layers.
 * - `'chained'`: `m_l = M_{l+1}ᵀ δ_{l+1}` from the signal above with its derivative applied,
 *   starting from `δ_L = e ∘ g'` (what most later work calls FA; with `B = Wᵀ` it is backprop).
 * - `'paper'`: Lillicrap et al.'s form, `m_{L−1} = M_Lᵀ e` from the raw error and
 *   `m_l = M_{l+1}ᵀ m_{l+1}`: no derivative is passed between layers.
 * Either way each hidden layer applies only its own derivative: `δ_l = m_l ∘ f'(a_l)`.
 */
export type SignalForm = 'chained' | 'paper';
export const SIGNAL_FORMS: readonly SignalForm[] = ['chained', 'paper'];

/** What `propagateSignals` reads and writes; a rule's BackwardContext fits. */
export interface SignalBuffers {
  deltas: readonly Tensor[];
  modulators: readonly (Tensor | null)[];
  outputError: Tensor;
  cache: ForwardCache;
  /** Stand-ins for the cache's derivatives (a coarse weighting); default the cache's own. */
  derivative?: readonly (Tensor | null)[];
}

/** Wᵀ's shape for a layer's W ([fanIn, out]): where FA and weight mirror keep B. */
export const transposedShape = (w: Tensor): Shape => [w.shape[1], w.shape[0]];

/**
 * `m` [batch, units_l] ← `signal` at layer l+1's units carried down through `matrix` (layer
 * l+1's M, in W's layout or, with `transposed`, Wᵀ's) to layer l+1's input, then back
 * through layer l's pooling stage when it has one. For dense layers it is `signal · M`.
 */
function carryDown(
  cache: ForwardCache,
  l: number,
  signal: Tensor,
  matrix: Tensor,
  transposed: boolean,
  m: Tensor,
): void {
  const pooled = cache.pooledSignals[l];
  cache.layers[l + 1].inputSignal(pooled ?? m, signal, matrix, transposed, cache.workspaces[l + 1]);
  if (pooled) cache.layers[l].routeToUnits(m, pooled, cache.workspaces[l]);
}

/**
 * Carries the output's signal down layer by layer, writing each hidden layer's modulator
 * `m_l = above · M_{l+1}` (per example `M_{l+1}ᵀ above`) and `δ_l = m_l ∘ f'(a_l)`, where
 * `above` is `δ_{l+1}` ('chained') or `m_{l+1}` ('paper', starting from the raw error).
 * `matrixAbove(l+1)` gives M in W's layout (transposeM false) or Wᵀ's (true). Through a conv
 * layer "· M" is the transposed convolution with M as the kernel, and through a pooling
 * stage the signal goes back to the max's winners or spreads over the mean's window.
 * A softmax layer below has no pointwise derivative and cannot be a hidden layer.
 */
export function propagateSignals(
  backend: Backend,
  b: SignalBuffers,
  matrixAbove: (layer: number) => Tensor,
  transposeM: boolean,
  form: SignalForm = 'chained',
): void {
  const last = b.deltas.length - 1;
  const derivative = b.derivative ?? b.cache.derivative;
  let above = form === 'paper' ? b.outputError : b.deltas[last];
  for (let l = last - 1; l >= 0; l--) {
    const m = b.modulators[l]!;
    carryDown(b.cache, l, above, matrixAbove(l + 1), transposeM, m);
    backend.mul(b.deltas[l], m, derivative[l]!);
    above = form === 'paper' ? m : b.deltas[l];
  }
}

/** Checks a rule's `form` option. */
export function checkForm(rule: string, form: unknown): SignalForm {
  const f = form ?? 'chained';
  if (!SIGNAL_FORMS.includes(f as SignalForm))
    throw new OptionError(`${rule}: form must be 'chained' or 'paper', got ${JSON.stringify(form)}`);
  return f as SignalForm;
}

/** The non-null matrices of a per-layer list, as a rule's `feedback()` reports them. */
export function feedbackList(
  matrices: readonly (Tensor | null)[],
  layout: FeedbackMatrix['layout'],
): FeedbackMatrix[] {
  return matrices.flatMap((tensor, layer) => (tensor ? [{ layer, layout, tensor }] : []));
}
