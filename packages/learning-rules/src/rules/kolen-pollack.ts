import type { Network } from '@rfa/layers';
import { OptionError, type Rng, type Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory, UpdateContext } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { feedbackList, propagateDown } from './propagate.js';

export interface KolenPollackOptions extends FeedbackOptions {
  /** Weight decay applied to the feedback weights (and, by the shared step, to W); default: the trainer's. */
  feedbackWeightDecay?: number;
}

/**
 * Kolen–Pollack (Kolen & Pollack 1994; Akrout et al. 2019): feedback weights K
 * (in W's layout, so `Kᵀ` carries the error down) start random and receive the
 * same update as W, `ΔK = ΔW`, plus weight decay. With decay both forget their
 * initial difference and K converges to W, so the feedback becomes backprop's.
 */
export function kolenPollack(options: KolenPollackOptions = {}): RuleFactory {
  return {
    name: 'kolenPollack',
    options: { ...options },
    checkTrainerOptions(trainer) {
      if ((trainer.momentum ?? 0) > 0)
        throw new OptionError(
          'kolenPollack: momentum is not supported (the feedback weights take the plain SGD step, so ΔK would differ from ΔW)',
        );
    },
    bind(network: Network, rng: Rng): LearningRule {
      const backend = network.backend;
      const k: (Tensor | null)[] = network.layers.map((layer, l) =>
        l === 0 ? null : randomFeedback(backend, layer.weights.shape, rng, options),
      );
      return {
        name: 'kolenPollack',
        teaches: () => true,
        backward(ctx: BackwardContext) {
          propagateDown(backend, ctx.deltas, ctx.cache.derivative, (l) => k[l]!, false);
        },
        afterUpdate(ctx: UpdateContext) {
          const decay = options.feedbackWeightDecay ?? ctx.weightDecay;
          k.forEach((kl, l) => {
            if (!kl) return;
            // K ← (1 − η λ) K + η/B · deltaᵀ x, the transpose of FA's B update
            backend.gemm(kl, ctx.deltas[l], ctx.cache.layerInput(l), {
              transA: true,
              alpha: ctx.learningRate / ctx.batchSize,
              beta: 1 - ctx.learningRate * decay,
            });
          });
        },
        feedback: () => feedbackList(k, 'forward'),
        dispose() {
          for (const t of k) t?.dispose();
        },
      };
    },
  };
}
