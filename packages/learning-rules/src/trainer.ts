import type { ForwardCache, Network } from '@rfa/layers';
import { OptionError, type Rng, ShapeError, type Tensor } from '@rfa/tensor';
import { backpropDeltas } from './backprop-reference.js';
import { LastStep, type StepRecord } from './last-step.js';
import { checkLoss, type Loss, outputDelta } from './loss.js';
import type { LearningRule, RuleFactory, UpdateContext } from './rule.js';
import { checkSgdOptions, LayerSgd, type SgdOptions } from './sgd.js';
import { SET_STEPS } from './trainer-internals.js';

export interface TrainerOptions extends SgdOptions {
  loss: Loss;
  /** Draws the rule's feedback matrices (and node perturbation's noise). */
  rng: Rng;
  /** Also compute the deltas backprop would deliver on the same state, before each update (for angle metrics). */
  trackBackprop?: boolean;
}

/** Per-batch-size buffers: forward cache, targets, teaching signals. */
interface StepBuffers extends StepRecord {
  cache: ForwardCache;
  target: Tensor;
  deltas: Tensor[];
  error: Tensor;
  /** Per hidden layer, the signal before its derivative; null for the output layer. */
  modulators: (Tensor | null)[];
  reference: Tensor[] | null;
  referenceModulators: (Tensor | null)[] | null;
  /** What the rule sees, made once: a step only refreshes the learning rate. */
  context: UpdateContext;
  /** The read-only view of these buffers as the last step, made on first use. */
  view?: LastStep;
}

/**
 * Runs training steps of one network under one learning rule: forward, output
 * error, the rule's teaching signals, the shared SGD update. Buffers are made
 * once per batch size, so steps allocate nothing.
 * @example
 * const trainer = createTrainer(net, feedbackAlignment(), { loss: 'mse', learningRate: 0.005, rng });
 * trainer.step(xBatch, yBatch, 1);
 */
export class Trainer {
  readonly rule: LearningRule;
  private readonly sgd: LayerSgd[];
  private readonly buffers = new Map<number, StepBuffers>();
  private last: StepBuffers | null = null;
  private stepCount = 0;
  // A copy: setLearningRate must not write into the object the caller passed (two trainers may share it).
  private readonly settings: TrainerOptions;

  constructor(
    readonly network: Network,
    readonly ruleFactory: RuleFactory,
    options: TrainerOptions,
  ) {
    this.settings = { ...options };
    checkSgdOptions(this.settings);
    checkLoss(options.loss, network.layers[network.layers.length - 1].activation);
    ruleFactory.checkTrainerOptions?.(this.settings);
    this.rule = ruleFactory.bind(network, options.rng);
    this.sgd = network.layers.map((layer) => new LayerSgd(network.backend, layer, this.settings));
  }

  /** The options in force (the trainer's own copy; `setLearningRate` changes its rate). */
  get options(): Readonly<TrainerOptions> {
    return this.settings;
  }

  /** Updates run so far (a restored checkpoint or snapshot sets it back). */
  get steps(): number {
    return this.stepCount;
  }

  /** For checkpoints and snapshots only (`@rfa/learning-rules/internal`'s `setTrainerSteps`). */
  [SET_STEPS](steps: number): void {
    this.stepCount = steps;
  }

  /** Cache, target and signal buffers for a batch size (made on first use). */
  private buffersFor(batchSize: number): StepBuffers {
    let b = this.buffers.get(batchSize);
    if (!b) {
      const { network, settings: options } = this;
      const backend = network.backend;
      const cache = network.createCache(batchSize);
      const target = backend.zeros([batchSize, network.outputSize]);
      const deltas = network.layers.map((l) => backend.zeros([batchSize, l.units]));
      const last = network.layers.length - 1;
      const hiddenBuffers = () =>
        network.layers.map((l, i) => (i < last ? backend.zeros([batchSize, l.units]) : null));
      const error = backend.zeros([batchSize, network.outputSize]);
      const modulators = hiddenBuffers();
      b = {
        cache,
        target,
        deltas,
        error,
        modulators,
        reference: options.trackBackprop
          ? network.layers.map((l) => backend.zeros([batchSize, l.units]))
          : null,
        referenceModulators: options.trackBackprop ? hiddenBuffers() : null,
        context: {
          network,
          cache,
          target,
          loss: options.loss,
          deltas,
          outputError: error,
          modulators,
          learningRate: options.learningRate,
          weightDecay: options.weightDecay ?? 0,
          batchSize,
          step: 0,
        },
      };
      this.buffers.set(batchSize, b);
    }
    return b;
  }

  private load(
    inputs: Float32Array | Tensor,
    targets: Float32Array | Tensor,
    batchSize: number,
  ): StepBuffers {
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new OptionError(`batchSize must be a positive integer, got ${batchSize}`);
    const b = this.buffersFor(batchSize);
    const backend = this.network.backend;
    const fill = (dst: Tensor, src: Float32Array | Tensor, what: string) => {
      if (src instanceof Float32Array) {
        if (src.length < dst.size)
          throw new ShapeError(
            `Trainer: ${what} has ${src.length} values, a batch of ${batchSize} needs ${dst.size}`,
          );
        backend.write(dst, src.length === dst.size ? src : src.subarray(0, dst.size));
      } else backend.copy(dst, src);
    };
    fill(b.cache.input, inputs, 'inputs');
    fill(b.target, targets, 'targets');
    return b;
  }

  /** One update on a batch (rows of `inputs` and `targets`). */
  step(inputs: Float32Array | Tensor, targets: Float32Array | Tensor, batchSize: number): void {
    const b = this.load(inputs, targets, batchSize);
    const { network, rule } = this;
    const backend = network.backend;
    network.forward(b.cache);
    const last = network.layers.length - 1;
    outputDelta(backend, b.cache, b.target, this.options.loss, b.deltas[last], b.error);
    const ctx = b.context;
    ctx.learningRate = this.options.learningRate;
    // the reference first: some rules (node perturbation) overwrite the output signal
    if (b.reference) backpropDeltas(network, b.cache, b.deltas[last], b.reference, b.referenceModulators!);
    rule.backward(ctx);
    for (let l = last; l >= 0; l--)
      if (rule.teaches(l)) this.sgd[l].apply(b.deltas[l], b.cache.layerInput(l), b.cache.workspaces[l]);
    ctx.step = this.stepCount;
    rule.afterUpdate?.(ctx);
    this.last = b;
    this.stepCount++;
  }

  /** Changes the learning rate from the next step on (schedules); the shared update reads it each step. */
  setLearningRate(learningRate: number): void {
    checkSgdOptions({ ...this.settings, learningRate });
    this.settings.learningRate = learningRate;
  }

  /** Forward only; returns the output tensor (valid until the next call with this batch size). */
  predict(inputs: Float32Array | Tensor, batchSize: number): Tensor {
    const b = this.buffersFor(batchSize);
    if (inputs instanceof Float32Array)
      this.network.backend.write(b.cache.input, inputs.subarray(0, b.cache.input.size));
    else this.network.backend.copy(b.cache.input, inputs);
    return this.network.forward(b.cache);
  }

  /**
   * A read-only view of the last step: its loss, teaching signals, modulators, output error,
   * forward cache and (with `trackBackprop`) backprop's signals on the same state. One view
   * per batch size, made on first use.
   */
  get lastStep(): LastStep {
    if (!this.last) throw new OptionError('lastStep: no step has run yet');
    this.last.view ??= new LastStep(this.last, this.rule, this.options.loss);
    return this.last.view;
  }

  /** Optimiser state tensors per layer, for checkpoints. */
  optimizerState(): Tensor[][] {
    return this.sgd.map((s) => s.state());
  }

  dispose(): void {
    for (const b of this.buffers.values()) {
      b.cache.dispose();
      for (const t of [b.target, b.error, ...b.deltas, ...(b.reference ?? [])]) t.dispose();
      for (const t of [...b.modulators, ...(b.referenceModulators ?? [])]) t?.dispose();
    }
    for (const s of this.sgd) s.dispose();
    this.rule.dispose();
  }
}

export function createTrainer(network: Network, rule: RuleFactory, options: TrainerOptions): Trainer {
  return new Trainer(network, rule, options);
}
