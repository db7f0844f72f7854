import { OptionError, Rng } from '@rfa/tensor';

/**
 * The "simple sigmoidal function centred on 0" that turns a feedback potential
 * into the modulatory signal (reconstructed: the paper names no formula).
 * - `tanh`: tanh(u).
 * - `centred-logistic`: 2·sigmoid(u) − 1 (= tanh(u/2)).
 * - `linear`: u itself (no squashing; useful for tests and ablations).
 */
export type PhiDelta = 'tanh' | 'centred-logistic' | 'linear';
export const PHI_DELTAS: readonly PhiDelta[] = ['tanh', 'centred-logistic', 'linear'];

/**
 * How the plasticity of the `parallel` rows is combined into one weight change.
 * - `sum`: each row is an independent online learner with rate `learningRate`
 *   (the paper's per-example rate, presented one image at a time).
 * - `mean`: the rows' changes are averaged (rate `learningRate / parallel` per row).
 */
export type BatchReduction = 'sum' | 'mean';

/** Options of `createSpikingNetwork`; every field has a default (the paper's Fig. 4 where it gives one). */
export interface SpikingNetworkOptions {
  /** Layer widths, input first, output last. Default [784, 1500, 1500, 1500, 1000] (Fig. 4). */
  layers?: readonly number[];
  /** Number of classes. Default 10. */
  classes?: number;
  /** Output units per class; `classes · unitsPerClass` must equal the last width. Default 100. */
  unitsPerClass?: number;
  /** Examples simulated side by side, one per row. Default 10. */
  parallel?: number;
  /** Integration constant: the weight of the new input in each leaky update. Default 0.9. */
  tau?: number;
  /** eta. Default 1e-3. */
  learningRate?: number;
  /** gamma: each step W ← (1 − gamma)·W + eta·(...). Default 1e-8. */
  weightDecay?: number;
  /** W_l ~ U[−forwardInit, forwardInit]. Default 0.05. */
  forwardInit?: number;
  /** B_l ~ U[−feedbackInit, feedbackInit], fixed. Default 0.1. */
  feedbackInit?: number;
  /** See `PhiDelta`. Default 'tanh' (reconstructed). */
  phiDelta?: PhiDelta;
  /** Input spike probability is min(pixel, inputClamp), pixels clamped below at 0. Default 0.95. */
  inputClamp?: number;
  /** Steps each training batch is shown for, plastic (the paper's N). Default 5. */
  stepsPerExample?: number;
  /**
   * Steps each test batch is shown for before the guess (the paper's M, apart from N so a
   * longer training presentation does not also lengthen the readout). Default 5.
   */
  testSteps?: number;
  /** Whether forward units have a bias (learned like a weight from an always-on input). Default false (reconstructed). */
  biases?: boolean;
  /** See `BatchReduction`. Default 'sum' (reconstructed). */
  batchReduction?: BatchReduction;
  /** The generator for the initial weights and every spike. Default `new Rng(1)`. */
  rng?: Rng;
  /**
   * Apply each training step's weight update in the next step's forward pass
   * (`Backend.updateThenProject`: one pass over each W instead of two), the last step of
   * a presentation's in the next presentation's first (or when anything reads the
   * network's tensors first). The same numbers either way; false runs the update and the
   * forward product apart (to compare). Default true.
   */
  fusedUpdates?: boolean;
  /**
   * Set the error units' potentials that decay below the smallest normal float
   * (|U| < 2^−126) to zero. Under a zero drive U shrinks by (1 − tau) a step and
   * passes through subnormal values, which x86 CPUs compute 10–100× slower; up to a
   * tenth of the output error units sit there as training silences them, which slowed
   * the feedback and update products. What changes is below 1.2e−38; false keeps
   * them (the numbers of rfa before this option). Default true.
   */
  flushSubnormals?: boolean;
}

export type ResolvedSpikingOptions = Required<SpikingNetworkOptions>;

export function resolveOptions(options: SpikingNetworkOptions): ResolvedSpikingOptions {
  const o: ResolvedSpikingOptions = {
    layers: [784, 1500, 1500, 1500, 1000],
    classes: 10,
    unitsPerClass: 100,
    parallel: 10,
    tau: 0.9,
    learningRate: 1e-3,
    weightDecay: 1e-8,
    forwardInit: 0.05,
    feedbackInit: 0.1,
    phiDelta: 'tanh',
    inputClamp: 0.95,
    stepsPerExample: 5,
    testSteps: 5,
    biases: false,
    batchReduction: 'sum',
    fusedUpdates: true,
    flushSubnormals: true,
    rng: options.rng ?? new Rng(1),
    ...stripUndefined(options),
  };
  validate(o);
  return o;
}

function stripUndefined(options: SpikingNetworkOptions): SpikingNetworkOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

const fail = (message: string): never => {
  throw new OptionError(`createSpikingNetwork: ${message}`);
};
const isPositiveInt = (n: unknown): boolean => Number.isInteger(n) && (n as number) > 0;
const isFiniteNumber = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);

function validate(o: ResolvedSpikingOptions): void {
  if (!Array.isArray(o.layers) || o.layers.length < 2 || !o.layers.every(isPositiveInt)) {
    fail(`layers must list at least two positive integer widths, got ${JSON.stringify(o.layers)}`);
  }
  for (const key of ['classes', 'unitsPerClass', 'parallel', 'stepsPerExample', 'testSteps'] as const) {
    if (!isPositiveInt(o[key])) fail(`${key} must be a positive integer, got ${String(o[key])}`);
  }
  const outputs = o.layers[o.layers.length - 1];
  if (o.classes * o.unitsPerClass !== outputs) {
    fail(`classes·unitsPerClass = ${o.classes}·${o.unitsPerClass} must equal the output width ${outputs}`);
  }
  if (!isFiniteNumber(o.tau) || o.tau <= 0 || o.tau > 1) fail(`tau must lie in (0, 1], got ${String(o.tau)}`);
  for (const key of ['learningRate', 'weightDecay', 'forwardInit', 'feedbackInit'] as const) {
    if (!isFiniteNumber(o[key]) || o[key] < 0)
      fail(`${key} must be a finite number ≥ 0, got ${String(o[key])}`);
  }
  if (o.weightDecay >= 1) fail(`weightDecay must be below 1, got ${o.weightDecay}`);
  if (!isFiniteNumber(o.inputClamp) || o.inputClamp < 0 || o.inputClamp > 1) {
    fail(`inputClamp must lie in [0, 1], got ${String(o.inputClamp)}`);
  }
  if (!PHI_DELTAS.includes(o.phiDelta))
    fail(`phiDelta must be one of ${PHI_DELTAS.join(', ')}, got ${String(o.phiDelta)}`);
  if (o.batchReduction !== 'sum' && o.batchReduction !== 'mean') {
    fail(`batchReduction must be 'sum' or 'mean', got ${String(o.batchReduction)}`);
  }
  for (const key of ['biases', 'fusedUpdates', 'flushSubnormals'] as const) {
    if (typeof o[key] !== 'boolean') fail(`${key} must be a boolean, got ${String(o[key])}`);
  }
  if (typeof o.rng?.uniform !== 'function') fail('rng must be an Rng from @rfa/tensor');
}
