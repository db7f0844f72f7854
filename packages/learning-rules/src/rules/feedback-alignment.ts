import type { Network } from '@rfa/layers';
import type { Rng, Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { feedbackList, propagateDown } from './propagate.js';

/**
 * Feedback alignment (Lillicrap et al. 2016): `delta_l = (B_{l+1} delta_{l+1}) ∘ f'(a_l)`
 * with `B_{l+1}` fixed and random, shaped like `W_{l+1}ᵀ` ([in, out]). One B per
 * layer above the first; each hidden layer uses only its own derivative.
 */
export function feedbackAlignment(options: FeedbackOptions = {}): RuleFactory {
  return {
    name: 'feedbackAlignment',
    options: { ...options },
    bind(network: Network, rng: Rng): LearningRule {
      const backend = network.backend;
      // feedback[l] carries layer l's error down to layer l-1; none for layer 0
      const feedback: (Tensor | null)[] = network.layers.map((layer, l) =>
        l === 0 ? null : randomFeedback(backend, [layer.inputSize, layer.outputSize], rng, options),
      );
      return {
        name: 'feedbackAlignment',
        teaches: () => true,
        backward(ctx: BackwardContext) {
          propagateDown(backend, ctx.deltas, ctx.cache.derivative, (l) => feedback[l]!, true);
        },
        feedback: () => feedbackList(feedback, 'transposed'),
        dispose() {
          for (const t of feedback) t?.dispose();
        },
      };
    },
  };
}
