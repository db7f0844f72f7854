import type { InitialState, TrainSetup } from '@rfa/experiments/internal';
import type * as Tf from '@tensorflow/tfjs-core';
import type { TfjsPeer, TfModule } from './peer.js';
import { TfjsTrainerBase, usePeerBackend } from './trainer-base.js';

/** The rules this peer implements in TensorFlow.js ops (the speed table compares rfa with it on these). */
export const TFJS_RULES: readonly string[] = ['bp', 'fa'];

/**
 * The same step written as a TensorFlow.js user would: explicit ops inside `tf.tidy`,
 * weights in `tf.Variable`s updated with `assign` (as tfjs's own SGD optimizer does),
 * backward pass by hand (no tf.grad). Written as the paper writes it, `h = f(W x + b)`
 * with W [out, in] and one example per column:
 * `d_L = (y* − y) ∘ y(1 − y)`, `d_l = (M_{l+1} d_{l+1}) ∘ h_l(1 − h_l)` with M = Wᵀ (bp)
 * or the fixed B (fa), `W_l += η/n · d_l h_{l−1}ᵀ`, `b_l += η/n · Σ_columns d_l`.
 * Every matMul is plain, transposes are explicit `tf.transpose`: in tfjs-wasm 4.22 the
 * matMul transpose flags, and a right operand that changes every step (the weights),
 * are several times slower (measured: 128-example steps of 784-1000-10 take 260 ms with
 * the row-major `x·W` form and flags, 66 ms with explicit transposes, 42 ms in this form).
 */
export class TfjsSpeedTrainer extends TfjsTrainerBase {
  private readonly weights: Tf.Variable[];
  private readonly biases: Tf.Variable[];
  /** Per layer, what carries its error down: the fixed B (fa) or null (bp: Wᵀ of the current W). */
  private readonly feedback: (Tf.Tensor2D | null)[];
  private readonly stepSize: Tf.Scalar;

  /** Makes the trainer's tensors on the peer's backend (tensors live where they are made). */
  static async create(
    tf: TfModule,
    peer: TfjsPeer,
    setup: TrainSetup,
    state: InitialState,
  ): Promise<TfjsSpeedTrainer> {
    await usePeerBackend(tf, peer);
    return new TfjsSpeedTrainer(tf, peer, setup, state);
  }

  private constructor(tf: TfModule, peer: TfjsPeer, setup: TrainSetup, state: InitialState) {
    super(tf, peer, setup);
    const { sizes } = setup;
    this.weights = state.weights.map((w, l) => tf.variable(tf.tensor2d(w, [sizes[l + 1], sizes[l]])));
    this.biases = state.biases.map((b) => tf.variable(tf.tensor2d(b, [b.length, 1])));
    this.feedback = state.feedback.map((b, l) =>
      setup.rule === 'fa' && b ? tf.tensor2d(b, [sizes[l], sizes[l + 1]]) : null,
    );
    this.stepSize = tf.scalar(setup.learningRate / setup.batch);
  }

  step(withLoss: boolean): void {
    const { tf, weights, biases, feedback, stepSize } = this;
    const { sizes, batch } = this.setup;
    const { inputs, targets } = this.cursor.take();
    const loss = tf.tidy(() => {
      const activity: Tf.Tensor2D[] = [tf.transpose(tf.tensor2d(inputs, [batch, sizes[0]]))];
      for (let l = 0; l < weights.length; l++)
        activity.push(tf.sigmoid(tf.add(tf.matMul(weights[l], activity[l]), biases[l])));
      const output = activity[weights.length];
      const error = tf.sub(tf.transpose(tf.tensor2d(targets, [batch, sizes.at(-1)!])), output);
      let delta: Tf.Tensor2D = tf.mul(error, tf.mul(output, tf.sub(1, output)));
      for (let l = weights.length - 1; l >= 0; l--) {
        const below = activity[l];
        // the signal for the layer below uses W before this step's update, as backprop requires
        const carried = l > 0 ? tf.matMul(feedback[l] ?? tf.transpose(weights[l]), delta) : null;
        weights[l].assign(tf.add(weights[l], tf.mul(tf.matMul(delta, tf.transpose(below)), stepSize)));
        biases[l].assign(tf.add(biases[l], tf.mul(tf.sum(delta, 1, true), stepSize)));
        if (carried) delta = tf.mul(carried, tf.mul(below, tf.sub(1, below)));
      }
      return withLoss ? tf.mul(tf.sum(tf.square(error)), 0.5 / batch) : undefined;
    });
    this.keepLoss(loss);
  }

  override dispose(): void {
    for (const t of [...this.weights, ...this.biases, ...this.feedback, this.stepSize]) t?.dispose();
    super.dispose();
  }
}
