import type { Network } from '@rfa/layers';
import type { Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { checkForm, feedbackList, propagateSignals, type SignalForm } from './propagate.js';

/**
 * Sign symmetry (Liao, Leibo & Poggio 2016): feedback carries only the signs of
 * the forward weights, `delta_l = (sign(W_{l+1})ᵀ delta_{l+1}) ∘ f'(a_l)`. The sign
 * matrices are kept in W's layout and refreshed after every update. `form` as for
 * `feedbackAlignment` ('chained' default, or 'paper').
 */
export function signSymmetry(options: { form?: SignalForm } = {}): RuleFactory {
  const form = checkForm('signSymmetry', options.form);
  return {
    name: 'signSymmetry',
    options: { ...options },
    bind(network: Network): LearningRule {
      const backend = network.backend;
      const signs: (Tensor | null)[] = network.layers.map((layer, l) => {
        if (l === 0) return null;
        const s = backend.zeros(layer.weights.shape);
        backend.unary(s, layer.weights, 'sign');
        return s;
      });
      return {
        name: 'signSymmetry',
        feedbackWeights: 'adapted',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          propagateSignals(backend, ctx, (l) => signs[l]!, false, form);
        },
        afterUpdate() {
          signs.forEach((s, l) => {
            if (s) backend.unary(s, network.layers[l].weights, 'sign');
          });
        },
        feedback: () => feedbackList(signs, 'forward'),
        dispose() {
          for (const t of signs) t?.dispose();
        },
      };
    },
  };
}
