import type { Network } from '@rfa/layers';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { propagate } from './propagate.js';

/** Backpropagation: `delta_l = (delta_{l+1} · W_{l+1}) ∘ f'(a_l)`, i.e. `W_{l+1}ᵀ delta_{l+1}` per example. */
export function backprop(): RuleFactory {
  return {
    name: 'backprop',
    options: {},
    bind: (network: Network): LearningRule => ({
      name: 'backprop',
      teaches: () => true,
      backward(ctx: BackwardContext) {
        for (let l = network.layers.length - 2; l >= 0; l--) {
          propagate(
            network.backend,
            ctx.deltas[l],
            ctx.deltas[l + 1],
            network.layers[l + 1].weights,
            false,
            ctx.cache.derivative[l]!,
          );
        }
      },
      feedback: () => [],
      dispose() {},
    }),
  };
}
