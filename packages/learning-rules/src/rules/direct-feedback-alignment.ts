import type { Network } from '@rfa/layers';
import type { Rng, Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { checkForm, feedbackList, type SignalForm } from './propagate.js';

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
      const backend = network.backend;
      const last = network.layers.length - 1;
      const outputs = network.layers[last].outputSize;
      const direct: (Tensor | null)[] = network.layers.map((layer, l) =>
        l === last ? null : randomFeedback(backend, [layer.outputSize, outputs], rng, options),
      );
      return {
        name: 'directFeedbackAlignment',
        feedbackWeights: 'fixed',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          // 'chained': the output signal e ∘ g'; 'paper': the raw error e
          const top = form === 'paper' ? ctx.outputError : ctx.deltas[last];
          for (let l = last - 1; l >= 0; l--) {
            const m = ctx.modulators[l]!;
            backend.gemm(m, top, direct[l]!, { transB: true });
            backend.mul(ctx.deltas[l], m, ctx.cache.derivative[l]!);
          }
        },
        feedback: () => feedbackList(direct, 'direct'),
        dispose() {
          for (const t of direct) t?.dispose();
        },
      };
    },
  };
}
