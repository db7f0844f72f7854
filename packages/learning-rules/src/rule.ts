import type { ForwardCache, Network } from '@rfa/layers';
import type { Rng, Tensor } from '@rfa/tensor';
import type { Loss } from './loss.js';
import type { SgdOptions } from './sgd.js';

/**
 * What feedback weights a rule has: 'fixed' (random matrices drawn once and never changed,
 * FA's B and DFA's D), 'adapted' (matrices that follow W or learn, as in sign symmetry and
 * Kolen–Pollack), or 'none' (backprop's Wᵀ itself, or no feedback at all). Tools read this
 * instead of the rule's name: the W–B angles of the paper are about fixed feedback.
 */
export type FeedbackWeights = 'fixed' | 'adapted' | 'none';

/** What a rule sees while it computes teaching signals for one step. */
export interface BackwardContext {
  network: Network;
  cache: ForwardCache;
  target: Tensor;
  loss: Loss;
  /**
   * Teaching signals, one [batch, units] tensor per layer. On entry the last one
   * holds the output layer's signal (`e ∘ g'` or `y* − softmax`); the rule fills
   * the hidden layers it teaches.
   */
  deltas: Tensor[];
  /** The raw output error `e = y* − y` ([batch, outputs]; for softmax-ce, `y* − softmax`; for sigmoid-ce, `y* − σ(a)`). */
  outputError: Tensor;
  /**
   * Per hidden layer, a [batch, units] buffer for the signal that arrives before the layer's
   * own derivative (the modulator `m_l`, so `δ_l = m_l ∘ f'(a_l)`); null for the output layer.
   * Rules with `modulated: true` fill it.
   */
  modulators: (Tensor | null)[];
}

/** What a rule sees after the shared SGD update (for rules whose feedback learns). */
export interface UpdateContext extends BackwardContext {
  learningRate: number;
  weightDecay: number;
  batchSize: number;
  /** The trainer's step count before this step (0 on the first; restored with a checkpoint). */
  step: number;
}

/**
 * How feedback reaches hidden layers. A rule is bound to one network; it owns its
 * feedback matrices. `teaches(l)` says which layers the shared update changes.
 */
export interface LearningRule {
  /** The rule's name in checkpoint headers ('feedbackAlignment'); a restore refuses another. */
  readonly name: string;
  /** What feedback weights the rule holds (see `FeedbackWeights`). */
  readonly feedbackWeights: FeedbackWeights;
  /** Whether `backward` fills `ctx.modulators` (the signal before each hidden layer's derivative). */
  readonly modulated?: boolean;
  teaches(layer: number): boolean;
  backward(ctx: BackwardContext): void;
  afterUpdate?(ctx: UpdateContext): void;
  /**
   * Feedback matrices by layer index: for FA, sign symmetry and Kolen–Pollack the
   * layer whose error they carry down; for DFA the hidden layer that receives the signal.
   * layout 'transposed': shape of Wᵀ, [in, out] (FA's B); 'forward': shape of W,
   * [out, in] (sign symmetry, Kolen–Pollack); 'direct': [units, outputs] (DFA).
   */
  feedback(): FeedbackMatrix[];
  dispose(): void;
}

export interface FeedbackMatrix {
  layer: number;
  layout: 'transposed' | 'forward' | 'direct';
  tensor: Tensor;
}

/** A rule not yet bound to a network: `feedbackAlignment({ ... })` returns one. */
export interface RuleFactory {
  /** The bound rule's `name`. */
  readonly name: string;
  /** Options as given, for checkpoints and reports. */
  readonly options: Record<string, unknown>;
  bind(network: Network, rng: Rng): LearningRule;
  /** Refuses trainer options this rule cannot honour (OptionError naming the option); called by the Trainer. */
  checkTrainerOptions?(options: SgdOptions): void;
}
