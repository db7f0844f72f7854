import { type Initializer, initialize, type Network } from '@rfa/layers';
import { OptionError, type Rng, type Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';
import { checkForm, feedbackList, propagateSignals, type SignalForm } from './propagate.js';

/**
 * Where the feedback's magnitudes come from (the names of Liao, Leibo & Poggio 2016, as
 * BioTorch spells them): 'uniform' (uSF, `|B| = scale` everywhere), 'batchwise' (brSF, `|B|`
 * redrawn from `init` before every step), 'fixed' (frSF, `|B|` drawn from `init` once).
 */
export type SignConcordantMagnitude = 'uniform' | 'batchwise' | 'fixed';
export const SIGN_CONCORDANT_MAGNITUDES: readonly SignConcordantMagnitude[] = [
  'uniform',
  'batchwise',
  'fixed',
];

export interface SignConcordantOptions {
  /** Default 'uniform' (uSF). */
  magnitude?: SignConcordantMagnitude;
  /** uSF only: the one magnitude of every feedback entry (default 1, which is `signSymmetry`). */
  scale?: number;
  /** brSF and frSF: magnitudes are `|M|`, M drawn from this (default U[-0.5, 0.5]). */
  init?: Initializer;
  /** As for `feedbackAlignment`: 'chained' (default) or 'paper'. */
  form?: SignalForm;
}

/**
 * Sign-concordant feedback (Liao, Leibo & Poggio 2016): the error goes down through B in W's
 * layout with `B = sign(W) ∘ |M|`, the signs read from the current W before every step and the
 * magnitudes M as `magnitude` says; `feedback()` shows the B the last step used. frSF keeps
 * |M| in B itself (B ← sign(W) ∘ |B|), so a checkpoint restores it; an entry whose W is exactly
 * 0 (a removed connection) loses its magnitude for good, which only matters if it regrows. `signSymmetry()` is the uniform variant with scale 1
 * (uSF): `signConcordant({ magnitude: 'uniform', scale: 1 })` computes the same steps.
 * @example
 * const frsf = signConcordant({ magnitude: 'fixed', init: uniformInit(0.1) });
 */
export function signConcordant(options: SignConcordantOptions = {}): RuleFactory {
  const form = checkForm('signConcordant', options.form);
  const magnitude = options.magnitude ?? 'uniform';
  if (!SIGN_CONCORDANT_MAGNITUDES.includes(magnitude))
    throw new OptionError(
      `signConcordant: magnitude must be 'uniform', 'batchwise' or 'fixed', got ${JSON.stringify(options.magnitude)}`,
    );
  const scale = options.scale ?? 1;
  if (!(scale > 0 && Number.isFinite(scale)))
    throw new OptionError(`signConcordant: scale must be a positive number, got ${options.scale}`);
  const init = options.init ?? { kind: 'uniform', scale: 0.5 };
  return {
    name: 'signConcordant',
    options: { ...options },
    bind(network: Network, rng: Rng): LearningRule {
      const backend = network.backend;
      const above = (l: number) => l > 0;
      const feedback = network.layers.map((layer, l) =>
        above(l) ? backend.zeros(layer.weights.shape) : null,
      );
      // brSF: |M| redrawn into this before every step
      const magnitudes = network.layers.map((layer, l) =>
        above(l) && magnitude === 'batchwise' ? backend.zeros(layer.weights.shape) : null,
      );
      // frSF keeps its magnitudes in B itself (so a checkpoint of B restores them): B ← sign(W) ∘ |B|
      const signs = network.layers.map((layer, l) =>
        above(l) && magnitude === 'fixed' ? backend.zeros(layer.weights.shape) : null,
      );
      const draw = (m: Tensor) => {
        initialize(backend, m, init, rng);
        backend.unary(m, m, 'abs');
      };
      if (magnitude === 'fixed') for (const b of feedback) if (b) draw(b);
      // B from the current W: scale · sign(W) (uSF), sign(W) ∘ |M| (brSF), sign(W) ∘ |B| (frSF)
      const refresh = () =>
        feedback.forEach((b, l) => {
          if (!b) return;
          const w = network.layers[l].weights;
          if (magnitude === 'fixed') {
            const s = signs[l]!;
            backend.unary(s, w, 'sign');
            backend.unary(b, b, 'abs');
            backend.mul(b, b, s);
            return;
          }
          backend.unary(b, w, 'sign');
          const m = magnitudes[l];
          if (m) {
            draw(m);
            backend.mul(b, b, m);
          } else if (scale !== 1) backend.scale(b, b, scale);
        });
      refresh(); // so feedback() shows B before the first step
      return {
        name: 'signConcordant',
        feedbackWeights: 'adapted',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          refresh();
          propagateSignals(backend, ctx, (l) => feedback[l]!, false, form);
        },
        feedback: () => feedbackList(feedback, 'forward'),
        dispose() {
          for (const t of [...feedback, ...magnitudes, ...signs]) t?.dispose();
        },
      };
    },
  };
}
