import {
  BatchCursor,
  type ImageWorkload,
  type InitialState,
  type SpeedTrainer,
  type TrainSetup,
} from '@rfa/experiments/internal';
import type { NetworkLayerConfig } from '@rfa/layers';
import type * as Tf from '@tensorflow/tfjs-core';
import { trainableConv2d } from './tfjs-conv2d.js';
import { trainableMaxPool } from './tfjs-max-pool.js';
import type { TfjsPeer, TfModule } from './tfjs-runtime.js';

/** The rules this peer trains an image network with (tfjs's autodiff is backprop). */
export const TFJS_CONV_RULES: readonly string[] = ['bp'];

type Pair = [number, number];
const pair = (v: number | Pair): Pair => (Array.isArray(v) ? v : [v, v]);

/** One stage of the tfjs forward pass, read off rfa's layer list. */
type Stage =
  | { kind: 'conv'; layer: number; activation: string }
  | {
      kind: 'pool';
      /** Max pooling's op (non-overlapping windows only); null for average pooling. */
      maxPool: ((x: Tf.Tensor4D) => Tf.Tensor4D) | null;
      size: Pair;
      stride: Pair;
      padding: 'valid' | 'same';
    }
  | { kind: 'flatten' }
  | { kind: 'dense'; layer: number; activation: string };

function validOnly(p: unknown, stride: Pair, where: string): 'valid' {
  if ((p === undefined || p === 'valid') && stride[0] === 1 && stride[1] === 1) return 'valid';
  throw new Error(
    `tfjs conv trainer: ${where} (conv) must have stride 1 and 'valid' padding (the filter gradient is written for those), got stride ${stride}, padding ${JSON.stringify(p)}`,
  );
}

function paddingOf(p: unknown, where: string): 'valid' | 'same' {
  if (p === undefined || p === 'valid' || p === 'same') return p ?? 'valid';
  throw new Error(`tfjs conv trainer: ${where} padding must be 'valid' or 'same', got ${JSON.stringify(p)}`);
}

/** rfa's layer list as tfjs stages; `layer` counts the layers with weights, as rfa's network does. */
export function tfjsStages(tf: TfModule, layers: readonly NetworkLayerConfig[]): Stage[] {
  let layer = 0;
  return layers.map((cfg, i): Stage => {
    const where = `layers[${i}]`;
    switch (cfg.type) {
      case 'conv':
        validOnly(cfg.padding, pair(cfg.stride ?? 1), where);
        return { kind: 'conv', layer: layer++, activation: cfg.activation };
      case 'maxPool':
      case 'avgPool': {
        const [size, stride] = [pair(cfg.size), pair(cfg.stride ?? cfg.size)];
        const padding = paddingOf(cfg.padding, where);
        const square = size[0] === size[1] && stride[0] === size[0] && stride[1] === size[1];
        if (cfg.type === 'maxPool' && (!square || padding !== 'valid'))
          throw new Error(
            `tfjs conv trainer: ${where} (maxPool) must have square non-overlapping windows (stride = size) and 'valid' padding`,
          );
        const maxPool = cfg.type === 'maxPool' ? trainableMaxPool(tf, size[0]) : null;
        return { kind: 'pool', maxPool, size, stride, padding };
      }
      case 'flatten':
        return { kind: 'flatten' };
      default:
        return { kind: 'dense', layer: layer++, activation: cfg.activation };
    }
  });
}

/**
 * An image network (LeNet in the race) trained as a TensorFlow.js user would: NHWC
 * `tf.conv2d` / `tf.maxPool` / `tf.matMul` with kernels in tfjs's layouts ([kH, kW, inC, outC],
 * dense [in, out]), `tf.losses.softmaxCrossEntropy` (the batch mean), and `tf.train.sgd`'s
 * `minimize`, whose gradients come from tfjs's autodiff. Starts from rfa's values, transposed
 * into those layouts. Backprop only (FA would need custom gradients through conv2d).
 */
export class TfjsConvSpeedTrainer implements SpeedTrainer {
  readonly impl: string;
  private readonly kernels: Tf.Variable[];
  private readonly biases: Tf.Variable[];
  private readonly stages: Stage[];
  private readonly optimizer: Tf.SGDOptimizer;
  private readonly cursor: BatchCursor;
  private readonly image: ImageWorkload;
  private readonly conv2d: (x: Tf.Tensor4D, filter: Tf.Tensor4D) => Tf.Tensor4D;
  private lastLoss: Tf.Scalar | null = null;

  static async create(
    tf: TfModule,
    peer: TfjsPeer,
    setup: TrainSetup,
    state: InitialState,
  ): Promise<TfjsConvSpeedTrainer> {
    if (!(await tf.setBackend(peer.backendName)))
      throw new Error(`tfjs backend '${peer.backendName}' did not start`);
    return new TfjsConvSpeedTrainer(tf, peer, setup, state);
  }

  private constructor(
    private readonly tf: TfModule,
    private readonly peer: TfjsPeer,
    private readonly setup: TrainSetup,
    state: InitialState,
  ) {
    if (!setup.image) throw new Error('tfjs conv trainer: the setup has no image workload');
    if (setup.image.loss !== 'softmax-ce')
      throw new Error(`tfjs conv trainer: only the softmax-ce loss is written, got '${setup.image.loss}'`);
    this.image = setup.image;
    this.impl = peer.impl;
    this.stages = tfjsStages(tf, setup.image.layers);
    this.conv2d = trainableConv2d(tf);
    let channels = setup.image.inputShape[2];
    const kernels: Tf.Variable[] = [];
    for (const [i, cfg] of setup.image.layers.entries()) {
      const stage = this.stages[i];
      if (stage.kind !== 'conv' && stage.kind !== 'dense') continue;
      const w = state.weights[stage.layer];
      const out = cfg.type === 'conv' || cfg.type === undefined || cfg.type === 'dense' ? cfg.out : 0;
      // rfa's [out, k] rows → tfjs's [k, out]; a conv's k runs (ky, kx, c), as tfjs's filter does
      const kT = tf.tidy(() => tf.transpose(tf.tensor2d(w, [out, w.length / out])));
      if (stage.kind === 'conv') {
        const [kh, kw] = pair((cfg as { kernel: number | Pair }).kernel);
        kernels.push(tf.variable(tf.tidy(() => tf.reshape(kT, [kh, kw, channels, out]))));
        kT.dispose();
        channels = out;
      } else kernels.push(tf.variable(kT));
    }
    this.kernels = kernels;
    this.biases = state.biases.map((b) => tf.variable(tf.tensor1d(b)));
    this.optimizer = tf.train.sgd(setup.learningRate);
    this.cursor = new BatchCursor(setup.block, setup.batch);
  }

  async activate(): Promise<void> {
    await this.tf.setBackend(this.peer.backendName);
  }

  private logits(x: Tf.Tensor4D): Tf.Tensor2D {
    const { tf, kernels, biases } = this;
    let h: Tf.Tensor = x;
    const act = (t: Tf.Tensor, name: string): Tf.Tensor => {
      if (name === 'tanh') return tf.tanh(t);
      if (name === 'relu') return tf.relu(t);
      if (name === 'logistic') return tf.sigmoid(t);
      if (name === 'softmax') return t; // the loss applies the softmax
      throw new Error(`tfjs conv trainer: activation '${name}' is not written`);
    };
    for (const s of this.stages) {
      if (s.kind === 'conv')
        h = act(
          tf.add(this.conv2d(h as Tf.Tensor4D, kernels[s.layer] as Tf.Tensor4D), biases[s.layer]),
          s.activation,
        );
      else if (s.kind === 'pool')
        h = s.maxPool
          ? s.maxPool(h as Tf.Tensor4D)
          : tf.avgPool(h as Tf.Tensor4D, s.size, s.stride, s.padding);
      else if (s.kind === 'flatten') h = tf.reshape(h, [h.shape[0], -1]);
      else {
        if (h.rank !== 2) h = tf.reshape(h, [h.shape[0], -1]);
        h = act(
          tf.add(tf.matMul(h as Tf.Tensor2D, kernels[s.layer] as Tf.Tensor2D), biases[s.layer]),
          s.activation,
        );
      }
    }
    return h as Tf.Tensor2D;
  }

  step(withLoss: boolean): void {
    const { tf } = this;
    const { batch, sizes } = this.setup;
    const [height, width, channels] = this.image.inputShape;
    const { inputs, targets } = this.cursor.take();
    const loss = tf.tidy(() => {
      const x = tf.tensor4d(inputs, [batch, height, width, channels]);
      const y = tf.tensor2d(targets, [batch, sizes.at(-1)!]);
      const cost = () => tf.losses.softmaxCrossEntropy(y, this.logits(x)) as Tf.Scalar;
      return this.optimizer.minimize(cost, withLoss) ?? undefined;
    }) as Tf.Scalar | undefined;
    if (loss) {
      this.lastLoss?.dispose();
      this.lastLoss = loss;
    }
  }

  async loss(): Promise<number> {
    if (!this.lastLoss) throw new Error('tfjs conv trainer: no step kept its loss yet');
    return this.lastLoss.dataSync()[0];
  }

  /** The weights in rfa's layouts ([out, k] rows per layer), read back (tests compare them). */
  async rfaWeights(): Promise<Float32Array[]> {
    const { tf } = this;
    return Promise.all(
      this.kernels.map((k) => {
        const out = k.shape.at(-1)!;
        const t = tf.tidy(() => tf.transpose(tf.reshape(k, [-1, out])));
        return t.data().then((d) => {
          t.dispose();
          return d as Float32Array;
        });
      }),
    );
  }

  dispose(): void {
    for (const t of [...this.kernels, ...this.biases, this.lastLoss]) t?.dispose();
    this.optimizer.dispose();
  }
}
