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
 * magnitudes M as `magnitude` says; `feedback()` shows the B the last step used. `signSymmetry()` is the uniform variant with scale 1
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
      // |M| for brSF and frSF (frSF draws it here, once)
      const magnitudes = network.layers.map((layer, l) =>
        above(l) && magnitude !== 'uniform' ? backend.zeros(layer.weights.shape) : null,
      );
      const draw = (m: Tensor) => {
        initialize(backend, m, init, rng);
        backend.unary(m, m, 'abs');
      };
      if (magnitude === 'fixed') for (const m of magnitudes) if (m) draw(m);
      // B ← sign(W) ∘ |M| (or scale · sign(W)) from the current W
      const refresh = () =>
        feedback.forEach((b, l) => {
          if (!b) return;
          backend.unary(b, network.layers[l].weights, 'sign');
          const m = magnitudes[l];
          if (!m) {
            if (scale !== 1) backend.scale(b, b, scale);
            return;
          }
          if (magnitude === 'batchwise') draw(m);
          backend.mul(b, b, m);
        });
      refresh(); // so feedback() shows B before the first step
      return {
        name: 'signConcordant',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          refresh();
          propagateSignals(backend, ctx, (l) => feedback[l]!, false, form);
        },
        feedback: () => feedbackList(feedback, 'forward'),
        dispose() {
          for (const t of [...feedback, ...magnitudes]) t?.dispose();
        },
      };
    },
  };
}
