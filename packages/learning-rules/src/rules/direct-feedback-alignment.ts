import type { Network } from '@rfa/layers';
import type { Rng } from '@rfa/tensor';
import type { LearningRule, RuleFactory } from '../rule.js';
import { bindDirectProjection } from './direct-projection.js';
import type { FeedbackOptions } from './feedback-init.js';
import { checkForm, type SignalForm } from './propagate.js';

/**
 * Direct feedback alignment (Nøkland 2016): every hidden layer gets the output
 * layer's teaching signal straight through its own fixed random matrix,
 * `delta_l = (D_l delta_out) ∘ f'(a_l)`, `D_l` of shape [units_l, outputs]; with
 * `form: 'paper'` the raw error `e` instead of `delta_out = e ∘ g'`.
 * Not to be confused with feedbackAlignment, which passes the error down layer by layer.
 */
export function directFeedbackAlignment(options: FeedbackOptions & { form?: SignalForm } = {}): RuleFactory {
  const form = checkForm('directFeedbackAlignment', options.form);
  return {
    name: 'directFeedbackAlignment',
    options: { ...options },
    bind(network: Network, rng: Rng): LearningRule {
      // 'chained': the output signal e ∘ g'; 'paper': the raw error e
      return bindDirectProjection('directFeedbackAlignment', network, rng, options, (ctx, last) =>
        form === 'paper' ? ctx.outputError : ctx.deltas[last],
      );
    },
  };
}
