import { type Backend, OptionError } from '@rfa/tensor';
import { type EvaluateOptions, evaluate, type LabelledSet } from './dataset-loop.js';
import { allocateNetwork, allTensors, type NetworkTensors, type SpikingLayer } from './network-tensors.js';
import { type ResolvedSpikingOptions, resolveOptions, type SpikingNetworkOptions } from './options.js';
import { type BatchInputs, type BatchTargets, presentInputs, presentTargets } from './presentation.js';
import { applyPendingUpdates, forwardPass, simulatePlasticSteps, simulateStep } from './simulation-step.js';
import { readState, type SpikingNetworkState, writeState } from './state.js';

/**
 * The stochastic spiking network of Lillicrap et al. (2016), Fig. 4, trained
 * online by feedback alignment: forward and feedback units integrate and
 * learn at every step, with no reset between examples. Written against the
 * `Backend` interface only; every step's tensors are allocated up front.
 */
export class SpikingNetwork {
  readonly backend: Backend;
  /** The options in force, defaults filled in. */
  get options(): Readonly<ResolvedSpikingOptions> {
    return this.resolved;
  }
  private readonly resolved: ResolvedSpikingOptions;
  /**
   * Called after every training step (`step`, and each step of `trainExample`) with the
   * network: read its tensors here (spike rasters, potential traces); never step it. Null: none.
   */
  onStep: ((net: SpikingNetwork) => void) | null = null;
  private readonly net: NetworkTensors;
  private readonly targetHost: Float32Array;
  private live = true;
  /** The fused path left the last step's weight update of a presentation to the next one. */
  private pending = false;

  constructor(backend: Backend, options: SpikingNetworkOptions = {}) {
    this.backend = backend;
    this.resolved = resolveOptions(options);
    this.net = allocateNetwork(backend, this.resolved);
    this.targetHost = new Float32Array(this.options.parallel * this.outputSize);
  }

  /**
   * All state and parameter tensors, every weight update applied; read them between
   * steps, do not dispose them.
   */
  get tensors(): NetworkTensors {
    this.settle();
    return this.net;
  }

  /** Applies a weight update the fused path left pending. */
  private settle(): void {
    if (!this.pending) return;
    applyPendingUpdates(this.backend, this.net, this.options);
    this.pending = false;
  }

  get layers(): readonly SpikingLayer[] {
    return this.tensors.layers;
  }
  get inputSize(): number {
    return this.options.layers[0];
  }
  get outputSize(): number {
    return this.options.layers[this.options.layers.length - 1];
  }

  /**
   * Changes eta for the steps that follow (a schedule sets it between epochs); an update
   * still pending from the last step is applied first, at the rate it was made with.
   */
  setLearningRate(learningRate: number): void {
    if (!Number.isFinite(learningRate) || learningRate < 0)
      throw new OptionError(`setLearningRate: learningRate must be a finite number ≥ 0, got ${learningRate}`);
    this.settle();
    this.resolved.learningRate = learningRate;
  }

  /** Sets the inputs (and, in training, the targets) that the next steps see. */
  present(inputs: BatchInputs, targets?: BatchTargets): void {
    presentInputs('present', this.backend, this.net, this.options, inputs);
    if (targets !== undefined) {
      presentTargets('present', this.backend, this.net, this.options, targets, this.targetHost);
    }
  }

  /** One full time step (forward, error, feedback, and plasticity when `plastic`) on what was presented. */
  step(plastic = true): void {
    simulateStep(this.backend, this.tensors, this.options, plastic);
    this.onStep?.(this);
  }

  /** Presents a batch (one example per row) for `stepsPerExample` steps with plasticity on. */
  trainExample(inputs: BatchInputs, targets: BatchTargets): void {
    presentInputs('trainExample', this.backend, this.net, this.options, inputs);
    presentTargets('trainExample', this.backend, this.net, this.options, targets, this.targetHost);
    // a step hook reads the network between steps, when the fused path's W lags one update
    if (this.onStep || !this.options.fusedUpdates) {
      for (let t = 0; t < this.options.stepsPerExample; t++) this.step(true);
      return;
    }
    // the last step's update waits for the next presentation's first forward pass (or for
    // whatever reads the tensors first): one pass over each W per step, across presentations too
    simulatePlasticSteps(this.backend, this.net, this.options, this.options.stepsPerExample, {
      atStart: this.pending,
      leave: true,
    });
    this.pending = true;
  }

  /**
   * Runs the forward path for `testSteps` steps (no targets at test time,
   * so feedback units hold still and nothing learns) and resolves each row's
   * class: the one whose `unitsPerClass` output units spiked most (the lowest
   * class on ties). One read, at the end.
   */
  async predict(inputs: BatchInputs): Promise<Int32Array> {
    const { backend, tensors: net, options: o } = this;
    presentInputs('predict', backend, net, o, inputs);
    const output = net.layers[net.layers.length - 1];
    backend.fill(net.spikeCount, 0);
    for (let t = 0; t < o.testSteps; t++) {
      forwardPass(backend, net, o);
      backend.add(net.spikeCount, net.spikeCount, output.spikes);
    }
    backend.gemm(net.classCount, net.spikeCount, net.classPool);
    backend.argmaxRows(net.prediction, net.classCount);
    return Int32Array.from(await backend.read(net.prediction));
  }

  /** Test error fraction on `set` (its first `limit` examples); see `evaluate`. */
  evaluate(set: LabelledSet, limit?: number, options?: EvaluateOptions): Promise<number> {
    return evaluate(this, set, limit, options);
  }

  /** Zeroes potentials, spikes and feedback potentials (the paper never resets; this is for experiments). */
  reset(): void {
    for (const layer of this.layers) {
      for (const t of [layer.potential, layer.spikes, layer.feedbackPotential, layer.modulator])
        this.backend.fill(t, 0);
    }
  }

  /** Parameters, dynamic state and the generator, as host arrays (for checkpoints). */
  getState(): Promise<SpikingNetworkState> {
    return readState(this.backend, this.tensors, this.options);
  }

  /** Restores a `getState` result; the next steps continue exactly as the saved run would have. */
  setState(state: SpikingNetworkState): void {
    writeState(this.backend, this.net, this.options, state);
    this.pending = false; // the saved weights replace the ones the pending update was for
  }

  /** Frees every tensor; idempotent. */
  dispose(): void {
    if (!this.live) return;
    this.live = false;
    this.pending = false;
    for (const t of allTensors(this.net)) t.dispose();
  }
}

/**
 * Builds the Fig. 4 network on `backend`. Defaults are the paper's 784-1500-1500-1500-1000.
 * @example
 * const net = createSpikingNetwork(createCpuBackend(), { layers: [784, 500, 500, 1000], parallel: 10, rng: new Rng(7) });
 * net.trainExample(images10x784, labels10);
 * const guesses = await net.predict(images10x784);
 */
export function createSpikingNetwork(backend: Backend, options: SpikingNetworkOptions = {}): SpikingNetwork {
  return new SpikingNetwork(backend, options);
}
