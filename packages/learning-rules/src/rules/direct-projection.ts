import type { Network } from '@rfa/layers';
import type { Rng, Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { feedbackList } from './propagate.js';

/**
 * The shape DFA and DRTP share: each hidden layer l gets `m_l = D_l s` from one output-side
 * signal `s` through its own fixed random `D_l` ([units_l, outputs]), and `δ_l = m_l ∘ f'(a_l)`.
 * For a conv layer units_l is outH·outW·outChannels: the signal lands on the convolution's
 * output itself (before any pooling), one value per position and channel.
 * The rules differ only in `s`: DFA the output error, DRTP the target.
 */
export function bindDirectProjection(
  name: string,
  network: Network,
  rng: Rng,
  options: FeedbackOptions,
  signal: (ctx: BackwardContext, last: number) => Tensor,
): LearningRule {
  const backend = network.backend;
  const last = network.layers.length - 1;
  const outputs = network.layers[last].outputSize;
  const direct: (Tensor | null)[] = network.layers.map((layer, l) =>
    l === last ? null : randomFeedback(backend, [layer.units, outputs], rng, options),
  );
  return {
    name,
    feedbackWeights: 'fixed',
    modulated: true,
    teaches: () => true,
    backward(ctx: BackwardContext) {
      const s = signal(ctx, last);
      for (let l = last - 1; l >= 0; l--) {
        const m = ctx.modulators[l]!;
        backend.gemm(m, s, direct[l]!, { transB: true });
        backend.mul(ctx.deltas[l], m, ctx.cache.derivative[l]!);
      }
    },
    feedback: () => feedbackList(direct, 'direct'),
    dispose() {
      for (const t of direct) t?.dispose();
    },
  };
}
