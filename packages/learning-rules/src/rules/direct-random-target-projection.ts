import type { Network } from '@rfa/layers';
import type { Rng } from '@rfa/tensor';
import type { LearningRule, RuleFactory } from '../rule.js';
import { bindDirectProjection } from './direct-projection.js';
import type { FeedbackOptions } from './feedback-init.js';

/**
 * Direct random target projection (DRTP, Frenkel, Lefebvre & Bol 2021): no error reaches the
 * hidden layers. Each hidden layer l is taught by the target alone, through a fixed random
 * D_l ([units_l, outputs]): `m_l = D_l y*`, `δ_l = m_l ∘ f'(a_l)`, and W_l takes the shared
 * step `ΔW_l = η δ_l h_{l−1}ᵀ`. For one-hot targets y* has the sign pattern of the error
 * e = y* − y (positive for the true class, negative elsewhere, while outputs lie in (0, 1)),
 * which is why the target can stand in for it; D is symmetric about 0, so rfa's sign
 * convention (δ along −∂L/∂a) and the paper's (δ along the gradient, D y* subtracted) draw
 * the same rule. The output layer learns from its own error as usual.
 * @example
 * const drtp = directRandomTargetProjection({ init: uniformInit(0.5) });
 */
export function directRandomTargetProjection(options: FeedbackOptions = {}): RuleFactory {
  return {
    name: 'directRandomTargetProjection',
    options: { ...options },
    bind(network: Network, rng: Rng): LearningRule {
      // the target y*, not the error: no error reaches the hidden layers
      return bindDirectProjection('directRandomTargetProjection', network, rng, options, (ctx) => ctx.target);
    },
  };
}
