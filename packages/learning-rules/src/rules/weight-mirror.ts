import type { Network } from '@rfa/layers';
import { OptionError, type Rng, type Tensor } from '@rfa/tensor';
import type { BackwardContext, LearningRule, RuleFactory, UpdateContext } from '../rule.js';
import { type FeedbackOptions, randomFeedback } from './feedback-init.js';
import { checkForm, feedbackList, propagateSignals, type SignalForm, transposedShape } from './propagate.js';

export interface WeightMirrorOptions extends FeedbackOptions {
  /** η_B, the step of B's mirror update (default 0.05). */
  mirrorLearningRate?: number;
  /** σ, the s.d. of the noise each layer emits in mirror mode (default 1). */
  noiseScale?: number;
  /** λ_WM, B's decay per mirror step (default 0.05; B settles near (η_B σ² / λ_WM) Wᵀ). */
  mirrorDecay?: number;
  /** Noise samples per mirror step (default 32). */
  mirrorBatch?: number;
  /** Mirror mode runs after every `mirrorEvery`-th training step (default 1). */
  mirrorEvery?: number;
  /** Mirror steps each time it runs (default 1). */
  mirrorSteps?: number;
  /** As for `feedbackAlignment`: 'chained' (default) or 'paper'. */
  form?: SignalForm;
}

const positive = (name: string, v: number | undefined, fallback: number, integer = false): number => {
  const x = v ?? fallback;
  if (!(x > 0 && Number.isFinite(x)) || (integer && !Number.isInteger(x)))
    throw new OptionError(
      `weightMirror: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${v}`,
    );
  return x;
};

/**
 * Weight mirror (Akrout et al. 2019): in engaged mode the error goes down through B as in
 * feedback alignment (B in Wᵀ's layout); in mirror mode, run after the update, each layer l
 * below a feedback matrix emits noise ξ_l ~ N(0, σ² I) ([n, in_{l+1}]), the layer above
 * responds linearly, y_{l+1} = ξ_l W_{l+1}ᵀ (bias and nonlinearity left out: the paper's mirror
 * mode is the linear, mean-free reading), and
 * `B_{l+1} ← (1 − λ_WM) B_{l+1} + (η_B / n) ξ_lᵀ y_{l+1}`.
 * Since E[ξᵀ ξ] = n σ² I, the mean step is η_B σ² Wᵀ − λ_WM B, so B tracks (η_B σ² / λ_WM) Wᵀ.
 * For a conv layer ξ is a noise image, y its convolution with the kernel W, and the step sums
 * over every window position (divided by n·positions), so B ([kH·kW·inC, outC]) tracks the
 * kernel matrix's transpose the same way (windows that cover zero padding see less noise).
 * @example
 * const wm = weightMirror({ mirrorLearningRate: 0.05, noiseScale: 1, mirrorDecay: 0.05 });
 */
export function weightMirror(options: WeightMirrorOptions = {}): RuleFactory {
  const form = checkForm('weightMirror', options.form);
  const eta = positive('mirrorLearningRate', options.mirrorLearningRate, 0.05);
  const sigma = positive('noiseScale', options.noiseScale, 1);
  const decay = options.mirrorDecay ?? 0.05;
  if (!(decay >= 0 && decay < 1))
    throw new OptionError(`weightMirror: mirrorDecay must be in [0, 1), got ${options.mirrorDecay}`);
  const batch = positive('mirrorBatch', options.mirrorBatch, 32, true);
  const every = positive('mirrorEvery', options.mirrorEvery, 1, true);
  const repeats = positive('mirrorSteps', options.mirrorSteps, 1, true);
  return {
    name: 'weightMirror',
    options: { ...options },
    bind(network: Network, rng: Rng): LearningRule {
      const backend = network.backend;
      const feedback: (Tensor | null)[] = network.layers.map((layer, l) =>
        l === 0 ? null : randomFeedback(backend, transposedShape(layer.weights), rng, options),
      );
      const noise = network.layers.map((layer, l) =>
        l === 0 ? null : backend.zeros([batch, layer.inputSize]),
      );
      const response = network.layers.map((layer, l) =>
        l === 0 ? null : backend.zeros([batch, layer.units]),
      );
      // a conv layer's im2col columns of the noise
      const workspaces = network.layers.map((layer, l) => (l === 0 ? null : layer.createWorkspace(batch)));
      const mirror = () => {
        feedback.forEach((b, l) => {
          if (!b) return;
          const layer = network.layers[l];
          const xi = noise[l]!;
          const y = response[l]!;
          backend.randomNormal(xi, rng, 0, sigma);
          layer.linearResponse(y, xi, workspaces[l]);
          // a conv layer's kernel sees batch·positions noise patches
          const alpha = eta / (batch * layer.positions);
          layer.transposedWeightGradient(b, y, xi, workspaces[l], alpha, 1 - decay);
        });
      };
      return {
        name: 'weightMirror',
        feedbackWeights: 'adapted',
        modulated: true,
        teaches: () => true,
        backward(ctx: BackwardContext) {
          propagateSignals(backend, ctx, (l) => feedback[l]!, true, form);
        },
        afterUpdate(ctx: UpdateContext) {
          // the trainer's count, so a resumed run keeps the schedule's phase
          if ((ctx.step + 1) % every === 0) for (let r = 0; r < repeats; r++) mirror();
        },
        feedback: () => feedbackList(feedback, 'transposed'),
        dispose() {
          for (const t of [...feedback, ...noise, ...response]) t?.dispose();
          for (const w of workspaces) w?.dispose();
        },
      };
    },
  };
}
