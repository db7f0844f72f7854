import type { Network } from '@rfa/layers';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { propagateSignals } from './propagate.js';

/** Backpropagation: `delta_l = (delta_{l+1} · W_{l+1}) ∘ f'(a_l)`, i.e. `W_{l+1}ᵀ delta_{l+1}` per example. */
export function backprop(): RuleFactory {
  return {
    name: 'backprop',
    options: {},
    bind: (network: Network): LearningRule => ({
      name: 'backprop',
      feedbackWeights: 'none',
      modulated: true,
      teaches: () => true,
      backward(ctx: BackwardContext) {
        propagateSignals(network.backend, ctx, (l) => network.layers[l].weights, false);
      },
      feedback: () => [],
      dispose() {},
    }),
  };
}
