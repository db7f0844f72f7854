import { connectivityMask, type Network } from '@rfa/layers';
import { OptionError, type Rng, type Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory, UpdateContext } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { checkForm, feedbackList, propagateSignals, type SignalForm } from './propagate.js';

export interface KolenPollackOptions extends FeedbackOptions {
  /**
   * λ_KP: after every update both W and K shrink by (1 − η λ_KP), so their difference decays
   * by (1 − η λ)(1 − η λ_KP) a step (λ the trainer's weight decay) and K converges to W.
   * Without decay `K − W` never changes. Default 1e-3.
   */
  decay?: number;
  /** Extra decay of K alone (on top of the trainer's); default 0. */
  feedbackWeightDecay?: number;
  /** As for `feedbackAlignment`: 'chained' (default) or 'paper'. */
  form?: SignalForm;
}

/**
 * Kolen–Pollack (Kolen & Pollack 1994; Akrout et al. 2019): feedback weights K (in W's
 * layout, so `Kᵀ` carries the error down) start random and receive the same update as W,
 * `ΔK = ΔW`, and both decay by `decay`; so K forgets its initial difference from W and
 * the feedback becomes backprop's. With `removeFraction`, K keeps its removed entries at 0.
 * @example
 * const kp = kolenPollack({ decay: 1e-2 });
 */
export function kolenPollack(options: KolenPollackOptions = {}): RuleFactory {
  const form = checkForm('kolenPollack', options.form);
  const decay = options.decay ?? 1e-3;
  if (!(decay >= 0)) throw new OptionError(`kolenPollack: decay must be ≥ 0, got ${options.decay}`);
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
        l === 0 ? null : randomFeedback(backend, layer.weights.shape, rng, { init: options.init }),
      );
      // K's connectivity: its removed entries stay removed after every update
      const masks: (Tensor | null)[] = k.map((kl) =>
        kl && options.removeFraction
          ? connectivityMask(backend, kl.shape, options.removeFraction, rng)
          : null,
      );
      masks.forEach((m, l) => {
        if (m) backend.mul(k[l]!, k[l]!, m);
      });
      return {
        name: 'kolenPollack',
        feedbackWeights: 'adapted',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          propagateSignals(backend, ctx, (l) => k[l]!, false, form);
        },
        afterUpdate(ctx: UpdateContext) {
          const kDecay = ctx.weightDecay + (options.feedbackWeightDecay ?? 0);
          const shrink = 1 - ctx.learningRate * decay;
          k.forEach((kl, l) => {
            if (!kl) return;
            // K ← (1 − η λ) K + η/B · δᵀ x, the same step W took
            backend.gemm(kl, ctx.deltas[l], ctx.cache.layerInput(l), {
              transA: true,
              alpha: ctx.learningRate / ctx.batchSize,
              beta: 1 - ctx.learningRate * kDecay,
            });
            if (decay > 0) {
              backend.scale(kl, kl, shrink);
              const w = ctx.network.layers[l].weights;
              backend.scale(w, w, shrink);
            }
            if (masks[l]) backend.mul(kl, kl, masks[l]!);
          });
        },
        feedback: () => feedbackList(k, 'forward'),
        dispose() {
          for (const t of [...k, ...masks]) t?.dispose();
        },
      };
    },
  };
}
