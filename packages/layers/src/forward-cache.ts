import type { Backend, Tensor } from '@rfa/tensor';
import type { DenseLayer } from './dense-layer.js';

/**
 * What a forward pass keeps for the learning rules, preallocated for one batch
 * size so that a training step allocates nothing: per layer the pre-activation
 * `pre` [batch, out], the activation `post` [batch, out] and the local derivative
 * `derivative` f'(pre) [batch, out] (null for a softmax layer, whose teaching
 * signal comes from the loss). `input` is the [batch, in] buffer of the batch.
 */
export class ForwardCache {
  readonly input: Tensor;
  readonly pre: Tensor[];
  readonly post: Tensor[];
  readonly derivative: (Tensor | null)[];

  constructor(
    backend: Backend,
    layers: readonly DenseLayer[],
    readonly batchSize: number,
  ) {
    this.input = backend.zeros([batchSize, layers[0].inputSize]);
    this.pre = layers.map((l) => backend.zeros([batchSize, l.outputSize]));
    // a linear layer's activation is its pre-activation: share the buffer
    this.post = layers.map((l, i) =>
      l.activation === 'linear' ? this.pre[i] : backend.zeros([batchSize, l.outputSize]),
    );
    this.derivative = layers.map((l) =>
      l.activation === 'softmax' ? null : backend.zeros([batchSize, l.outputSize]),
    );
  }

  /** The network's output, [batch, outputs]. */
  get output(): Tensor {
    return this.post[this.post.length - 1];
  }

  /** The input to layer `l`: the batch for l = 0, else the activation below. */
  layerInput(l: number): Tensor {
    return l === 0 ? this.input : this.post[l - 1];
  }

  dispose(): void {
    const all = new Set([this.input, ...this.pre, ...this.post, ...this.derivative]);
    for (const t of all) t?.dispose();
  }
}
