import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer, type Trainer } from '@rfa/learning-rules';
import { type Backend, Rng } from '@rfa/tensor';
import { restoreSnapshot, takeSnapshot } from '@rfa/train';
import { createRule } from '../rules/rule-registry.js';
import { BatchCursor, type ExampleBlock } from './example-block.js';
import type { ImageWorkload } from './image-workload.js';

/**
 * What every implementation trains: the fig3a network (logistic everywhere), squared error, plain SGD;
 * or, with `image`, that image network (a conv net such as LeNet) with its own loss.
 */
export interface TrainSetup {
  /** Dense layer sizes; with `image`, only sizes[0] (pixels) and the last (classes) are read. */
  sizes: number[];
  /** An image network in place of the dense one (see `lenetWorkload`). */
  image?: ImageWorkload;
  /** A rule key of the registry ('bp', 'fa', …). */
  rule: string;
  batch: number;
  learningRate: number;
  block: ExampleBlock;
  seed: number;
}

/** Start values every implementation copies, so all train the same network. */
export interface InitialState {
  /** Per layer, [out, in] row-major (rfa's layout; a conv layer's is [outChannels, kH·kW·inChannels]). */
  weights: Float32Array[];
  biases: Float32Array[];
  /** FA's B per layer, [in, out] (the shape of Wᵀ); null for layer 0 and for backprop. */
  feedback: (Float32Array | null)[];
}

/** One implementation's training loop, driven by the timer. */
export interface SpeedTrainer {
  readonly impl: string;
  /** Makes this implementation's device current (tfjs switches backend); called before each timing. */
  activate(): Promise<void>;
  /** One step on the next batch: forward, backward, update. `withLoss`: keep this step's loss for `loss()`. */
  step(withLoss: boolean): void;
  /** Loss of the last step run with `withLoss` (reads back, so it waits for queued work). */
  loss(): Promise<number>;
  dispose(): void;
}

/** rfa's step through `createTrainer`; with `state`, starts from those values instead of its own draw. */
/** A layer's tensors under the names `trainerTensors` (and so a snapshot) gives them. */
const snapshotNames = (l: number) => ({
  weights: `layers.${l}.weights`,
  bias: `layers.${l}.bias`,
  feedback: `feedback.${l}`,
});

export class RfaSpeedTrainer implements SpeedTrainer {
  private readonly trainer: Trainer;
  private readonly cursor: BatchCursor;

  constructor(
    readonly impl: string,
    backend: Backend,
    private readonly setup: TrainSetup,
    state?: InitialState,
  ) {
    const { sizes, rule, seed } = setup;
    this.cursor = new BatchCursor(setup.block, setup.batch);
    const { image } = setup;
    const network = createNetwork(
      backend,
      image
        ? { rng: new Rng(seed), init: image.init, inputShape: image.inputShape, layers: image.layers }
        : {
            rng: new Rng(seed),
            init: uniformInit(0.05),
            layers: sizes.slice(1).map((out, l) => ({ in: sizes[l], out, activation: 'logistic' as const })),
          },
    );
    this.trainer = createTrainer(network, createRule(rule), {
      loss: image?.loss ?? 'mse',
      learningRate: setup.learningRate,
      rng: new Rng(seed + 1),
    });
    if (state) this.load(state);
  }

  // through @rfa/train's snapshots: one reader and writer of a trainer's tensors, by their names
  private load(state: InitialState): void {
    const values = new Map<string, Float32Array>();
    this.trainer.network.layers.forEach((_, l) => {
      const name = snapshotNames(l);
      values.set(name.weights, state.weights[l]);
      values.set(name.bias, state.biases[l]);
      const feedback = state.feedback[l];
      if (feedback) values.set(name.feedback, feedback);
    });
    // step 0 and the trainer's own generator state: only the named tensors change
    restoreSnapshot(this.trainer, { step: 0, values, rng: this.trainer.options.rng.getState() });
  }

  /** The start values, read back, for the other implementations to copy. */
  async initialState(): Promise<InitialState> {
    const { values } = await takeSnapshot(this.trainer);
    const layers = this.trainer.network.layers.map((_, l) => snapshotNames(l));
    return {
      weights: layers.map((name) => values.get(name.weights)!),
      biases: layers.map((name) => values.get(name.bias)!),
      feedback: layers.map((name) => values.get(name.feedback) ?? null),
    };
  }

  async activate(): Promise<void> {}

  // rfa keeps its last output on the device and computes the loss on read, so withLoss changes nothing
  step(_withLoss: boolean): void {
    const { inputs, targets } = this.cursor.take();
    this.trainer.step(inputs, targets, this.setup.batch);
  }

  loss(): Promise<number> {
    return this.trainer.lastStep.loss();
  }

  dispose(): void {
    this.trainer.dispose();
    this.trainer.network.dispose();
  }
}
