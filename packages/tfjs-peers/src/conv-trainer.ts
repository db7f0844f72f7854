import type { ImageWorkload, InitialState, TrainSetup } from '@rfa/experiments/internal';
import type * as Tf from '@tensorflow/tfjs-core';
import type { TfjsPeer, TfModule } from './peer.js';
import { type Pair, pair, type Stage, tfjsStages } from './stages.js';
import { TfjsTrainerBase, usePeerBackend } from './trainer-base.js';
import { avgPoolInputGrad, conv2dFilterGrad, maxPoolInputGrad } from './window-grads.js';

/** The rules this peer trains an image network with (its backward pass is backprop). */
export const TFJS_CONV_RULES: readonly string[] = ['bp'];

/**
 * An image network (LeNet in the race) trained as the dense peer is: explicit TensorFlow.js ops
 * in `tf.tidy`, the backward pass by hand, `Variable.assign` updates. NHWC `tf.conv2d` and
 * `tf.maxPool` forward with kernels in tfjs's layouts ([kH, kW, inC, outC], dense [in, out]);
 * backward: softmax − target over the batch, `tf.conv2dTranspose` for a conv's input gradient,
 * and the filter and pooling gradients of `window-grads.ts` (tfjs-wasm has no filter-gradient
 * kernel, and its MaxPoolGrad disagreed with tfjs-cpu's). Backprop only. Starts from rfa's values.
 */
export class TfjsConvSpeedTrainer extends TfjsTrainerBase {
  private readonly kernels: Tf.Variable[];
  private readonly biases: Tf.Variable[];
  private readonly stages: Stage[];
  private readonly stepSize: Tf.Scalar;
  private readonly image: ImageWorkload;

  static async create(
    tf: TfModule,
    peer: TfjsPeer,
    setup: TrainSetup,
    state: InitialState,
  ): Promise<TfjsConvSpeedTrainer> {
    await usePeerBackend(tf, peer);
    return new TfjsConvSpeedTrainer(tf, peer, setup, state);
  }

  private constructor(tf: TfModule, peer: TfjsPeer, setup: TrainSetup, state: InitialState) {
    super(tf, peer, setup);
    if (!setup.image) throw new Error('tfjs conv trainer: the setup has no image workload');
    if (setup.image.loss !== 'softmax-ce')
      throw new Error(`tfjs conv trainer: only the softmax-ce loss is written, got '${setup.image.loss}'`);
    this.image = setup.image;
    this.stages = tfjsStages(setup.image.layers);
    let channels = setup.image.inputShape[2];
    const kernels: Tf.Variable[] = [];
    for (const [i, cfg] of setup.image.layers.entries()) {
      const stage = this.stages[i];
      if (stage.kind !== 'conv' && stage.kind !== 'dense') continue;
      const w = state.weights[stage.layer];
      const out = (cfg as { out: number }).out;
      // rfa's [out, k] rows → tfjs's [k, out]; a conv's k runs (ky, kx, c), as tfjs's filter does
      const value = tf.tidy(() => {
        const kT = tf.transpose(tf.tensor2d(w, [out, w.length / out]));
        if (stage.kind === 'dense') return kT;
        const [kh, kw] = pair((cfg as { kernel: number | Pair }).kernel);
        return tf.reshape(kT, [kh, kw, channels, out]);
      });
      if (stage.kind === 'conv') channels = out;
      kernels.push(tf.variable(value));
      value.dispose();
    }
    this.kernels = kernels;
    this.biases = state.biases.map((b) => tf.variable(tf.tensor1d(b)));
    this.stepSize = tf.scalar(setup.learningRate);
  }

  private activate1(t: Tf.Tensor, name: string): Tf.Tensor {
    const { tf } = this;
    if (name === 'tanh') return tf.tanh(t);
    if (name === 'relu') return tf.relu(t);
    if (name === 'logistic') return tf.sigmoid(t);
    if (name === 'softmax') return t; // the loss takes the logits
    throw new Error(`tfjs conv trainer: activation '${name}' is not written`);
  }

  /** dL/d(pre-activation) from dL/d(output) and the output h. */
  private activationGrad(dh: Tf.Tensor, h: Tf.Tensor, name: string): Tf.Tensor {
    const { tf } = this;
    if (name === 'tanh') return tf.mul(dh, tf.sub(1, tf.square(h)));
    if (name === 'relu') return tf.mul(dh, tf.step(h));
    if (name === 'logistic') return tf.mul(dh, tf.mul(h, tf.sub(1, h)));
    return dh;
  }

  step(withLoss: boolean): void {
    const { tf, kernels, biases, stages, stepSize } = this;
    const { batch, sizes } = this.setup;
    const [height, width, channels] = this.image.inputShape;
    const { inputs, targets } = this.cursor.take();
    const loss = tf.tidy(() => {
      // forward: outs[i] is stage i's output, outs[-1] the input
      const input: Tf.Tensor = tf.tensor4d(inputs, [batch, height, width, channels]);
      const outs: Tf.Tensor[] = [];
      for (const [i, s] of stages.entries()) {
        const h = i === 0 ? input : outs[i - 1];
        if (s.kind === 'conv')
          outs.push(
            this.activate1(
              tf.add(
                tf.conv2d(h as Tf.Tensor4D, kernels[s.layer] as Tf.Tensor4D, 1, 'valid'),
                biases[s.layer],
              ),
              s.activation,
            ),
          );
        else if (s.kind === 'pool')
          outs.push((s.max ? tf.maxPool : tf.avgPool)(h as Tf.Tensor4D, s.size, s.size, 'valid'));
        else if (s.kind === 'flatten') outs.push(tf.reshape(h, [batch, -1]));
        else {
          const flat = h.rank === 2 ? h : tf.reshape(h, [batch, -1]);
          outs.push(
            this.activate1(
              tf.add(tf.matMul(flat as Tf.Tensor2D, kernels[s.layer] as Tf.Tensor2D), biases[s.layer]),
              s.activation,
            ),
          );
        }
      }
      const logits = outs.at(-1) as Tf.Tensor2D;
      const y = tf.tensor2d(targets, [batch, sizes.at(-1)!]);
      // backward: d is dL/d(stage i's output); the top is softmax − y over the batch (the mean's gradient)
      let d: Tf.Tensor = tf.div(tf.sub(tf.softmax(logits), y), batch);
      const updates: [Tf.Variable, Tf.Tensor][] = [];
      for (let i = stages.length - 1; i >= 0; i--) {
        const s = stages[i];
        const below = i === 0 ? input : outs[i - 1];
        if (s.kind === 'flatten') d = tf.reshape(d, below.shape);
        else if (s.kind === 'pool')
          d = s.max
            ? maxPoolInputGrad(tf, below as Tf.Tensor4D, outs[i] as Tf.Tensor4D, d as Tf.Tensor4D, s.size)
            : avgPoolInputGrad(tf, below as Tf.Tensor4D, d as Tf.Tensor4D, s.size);
        else {
          const pre = this.activationGrad(d, outs[i], s.activation);
          const kernel = kernels[s.layer];
          if (s.kind === 'dense') {
            const flat = (below.rank === 2 ? below : tf.reshape(below, [batch, -1])) as Tf.Tensor2D;
            updates.push(
              [kernel, tf.matMul(flat, pre as Tf.Tensor2D, true, false)],
              [biases[s.layer], tf.sum(pre, 0)],
            );
            if (i > 0)
              d = tf.reshape(tf.matMul(pre as Tf.Tensor2D, kernel as Tf.Tensor2D, false, true), below.shape);
          } else {
            updates.push(
              [kernel, conv2dFilterGrad(tf, below as Tf.Tensor4D, pre as Tf.Tensor4D)],
              [biases[s.layer], tf.sum(pre, [0, 1, 2])],
            );
            if (i > 0)
              d = tf.conv2dTranspose(
                pre as Tf.Tensor4D,
                kernel as Tf.Tensor4D,
                below.shape as [number, number, number, number],
                1,
                'valid',
              );
          }
        }
      }
      // every gradient above used the weights before this step, as backprop requires
      for (const [v, g] of updates) v.assign(tf.sub(v, tf.mul(g, stepSize)));
      return withLoss ? tf.losses.softmaxCrossEntropy(y, logits) : undefined;
    }) as Tf.Scalar | undefined;
    this.keepLoss(loss);
  }

  /** The weights in rfa's layouts ([out, k] rows per layer), read back (tests compare them). */
  async rfaWeights(): Promise<Float32Array[]> {
    const { tf } = this;
    const out: Float32Array[] = [];
    for (const k of this.kernels) {
      const t = tf.tidy(() => tf.transpose(tf.reshape(k, [-1, k.shape.at(-1)!])));
      out.push((await t.data()) as Float32Array);
      t.dispose();
    }
    return out;
  }

  override dispose(): void {
    for (const t of [...this.kernels, ...this.biases, this.stepSize]) t.dispose();
    super.dispose();
  }
}
