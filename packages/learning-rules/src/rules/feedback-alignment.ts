import type { Network } from '@rfa/layers';
import type { Rng, Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { checkWeighting, type DerivativeWeighting, weightings } from './derivative-weighting.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { checkForm, feedbackList, propagateSignals, type SignalForm, transposedShape } from './propagate.js';

/** Options of `feedbackAlignment`. */
export interface FeedbackAlignmentOptions extends FeedbackOptions {
  /**
   * 'chained' (default): `δ_l = (B_{l+1} δ_{l+1}) ∘ f'(a_l)` from `δ_L = e ∘ g'`, the form most
   * later work calls FA (with B = Wᵀ it is backprop). 'paper': Lillicrap et al.'s equations,
   * `δ_{L−1} = (B_L e) ∘ f'` from the raw error and `m_l = B_{l+1} m_{l+1}` below, so no
   * derivative travels between layers. See `SignalForm`.
   */
  form?: SignalForm;
  /** How each hidden layer weights its modulator: its exact derivative (default) or a coarse stand-in. */
  derivative?: DerivativeWeighting;
}

/**
 * Feedback alignment (Lillicrap et al. 2016): the error reaches hidden layers through
 * fixed random `B_{l+1}`, shaped like `W_{l+1}ᵀ` ([in, out]), one per layer above the
 * first; each hidden layer uses only its own derivative. `form` picks the chained
 * reading (default) or the paper's. For a conv layer B is [kH·kW·inC, outC], the kernel
 * matrix's transpose, and the error goes down by the transposed convolution with B,
 * `col2im(δ · Bᵀ)`, in place of backprop's `col2im(δ · W)`.
 * @example
 * const fa = feedbackAlignment({ init: uniformInit(0.5), form: 'paper' });
 */
export function feedbackAlignment(options: FeedbackAlignmentOptions = {}): RuleFactory {
  const form = checkForm('feedbackAlignment', options.form);
  const weighting = checkWeighting('feedbackAlignment', options.derivative);
  return {
    name: 'feedbackAlignment',
    options: { ...options },
    bind(network: Network, rng: Rng): LearningRule {
      const backend = network.backend;
      // feedback[l] carries layer l's error down to layer l-1; none for layer 0
      const feedback: (Tensor | null)[] = network.layers.map((layer, l) =>
        l === 0 ? null : randomFeedback(backend, transposedShape(layer.weights), rng, options),
      );
      const scratch = new Map<number, (Tensor | null)[]>();
      return {
        name: 'feedbackAlignment',
        feedbackWeights: 'fixed',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          const derivative = weightings(backend, weighting, ctx.cache.derivative, scratch);
          propagateSignals(backend, { ...ctx, derivative }, (l) => feedback[l]!, true, form);
        },
        feedback: () => feedbackList(feedback, 'transposed'),
        dispose() {
          for (const t of feedback) t?.dispose();
          for (const ts of scratch.values()) for (const t of ts) t?.dispose();
        },
      };
    },
  };
}
