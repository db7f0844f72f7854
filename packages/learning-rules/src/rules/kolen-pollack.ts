import { connectivityMask, type Network } from '@rfa/layers';
import { OptionError, type Rng, type Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory, UpdateContext } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { checkForm, feedbackList, propagateSignals, type SignalForm } from './propagate.js';

export type KolenPollackDecayTarget = 'both' | 'feedback';

/**
 * Where Kolen–Pollack's decay comes from.
 * - 'shared' (default, Akrout et al. 2019's equations ΔW = −η δ hᵀ − λ W, ΔK = −η δ hᵀ − λ K):
 *   the one decay is the network's weight decay λ (the trainer's `weightDecay`), which W and K
 *   share, so W − K shrinks by (1 − η λ) a step; the rule adds none of its own (`decay` 0).
 * - 'extra' (rfa's reading before this option existed): on top of that, the rule shrinks W and
 *   K by (1 − η λ_KP) a step with λ_KP = `decay` (default 1e-3), a second, stronger weight
 *   decay of W that other rules do not get.
 */
export type KolenPollackDecayReading = 'shared' | 'extra';

export interface KolenPollackOptions extends FeedbackOptions {
  /** See `KolenPollackDecayReading`; default 'shared'. */
  decayReading?: KolenPollackDecayReading;
  /**
   * λ_KP: after every update `decayApplies` (W and K) shrink by (1 − η λ_KP), so their
   * difference decays by (1 − η λ)(1 − η λ_KP) a step (λ the trainer's weight decay).
   * Default 0 ('shared') or 1e-3 ('extra'). With no decay at all `K − W` never changes.
   */
  decay?: number;
  /** What `decay` shrinks: 'both' W and K (default) or 'feedback' (K only). */
  decayApplies?: KolenPollackDecayTarget;
  /** Extra decay of K alone (on top of the trainer's); default 0. */
  feedbackWeightDecay?: number;
  /** As for `feedbackAlignment`: 'chained' (default) or 'paper'. */
  form?: SignalForm;
}

/**
 * Kolen–Pollack (Kolen & Pollack 1994; Akrout et al. 2019): feedback weights K (in W's
 * layout, so `Kᵀ` carries the error down) start random and receive the same update as W,
 * `ΔK = ΔW`, including the same weight decay; so K forgets its initial difference from W at
 * the rate of the weight decay and the feedback tends to backprop's. `decayReading: 'extra'`
 * (or any `decay` > 0) adds a decay of the rule's own. With `removeFraction`, K keeps its
 * removed entries at 0.
 * @example
 * const kp = kolenPollack(); // trained with createTrainer(net, kp, { weightDecay: 1e-4, ... })
 * const before = kolenPollack({ decayReading: 'extra' }); // the extra 1e-3 decay of W and K
 */
export function kolenPollack(options: KolenPollackOptions = {}): RuleFactory {
  const form = checkForm('kolenPollack', options.form);
  const reading = options.decayReading ?? 'shared';
  if (reading !== 'shared' && reading !== 'extra')
    throw new OptionError(`kolenPollack: decayReading must be 'shared' or 'extra', got ${String(reading)}`);
  const decay = options.decay ?? (reading === 'extra' ? 1e-3 : 0);
  if (!(decay >= 0)) throw new OptionError(`kolenPollack: decay must be ≥ 0, got ${options.decay}`);
  const target = options.decayApplies ?? 'both';
  if (target !== 'both' && target !== 'feedback')
    throw new OptionError(`kolenPollack: decayApplies must be 'both' or 'feedback', got ${String(target)}`);
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
            network.layers[l].weightGradient(
              kl,
              ctx.deltas[l],
              ctx.cache.layerInput(l),
              ctx.cache.workspaces[l],
              ctx.learningRate / ctx.batchSize,
              1 - ctx.learningRate * kDecay,
            );
            if (decay > 0) {
              backend.scale(kl, kl, shrink);
              if (target === 'both') {
                const w = ctx.network.layers[l].weights;
                backend.scale(w, w, shrink);
              }
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
