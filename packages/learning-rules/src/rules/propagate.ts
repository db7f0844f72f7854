import { type Backend, OptionError, type Tensor } from '@rfa/tensor';
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
  cache: { derivative: readonly (Tensor | null)[] };
}

/**
 * Carries the output's signal down layer by layer, writing each hidden layer's modulator
 * `m_l = above · M_{l+1}` (per example `M_{l+1}ᵀ above`) and `δ_l = m_l ∘ f'(a_l)`, where
 * `above` is `δ_{l+1}` ('chained') or `m_{l+1}` ('paper', starting from the raw error).
 * `matrixAbove(l+1)` gives M in W's layout (transposeM false) or Wᵀ's (true).
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
  let above = form === 'paper' ? b.outputError : b.deltas[last];
  for (let l = last - 1; l >= 0; l--) {
    const m = b.modulators[l]!;
    backend.gemm(m, above, matrixAbove(l + 1), { transB: transposeM });
    backend.mul(b.deltas[l], m, b.cache.derivative[l]!);
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
