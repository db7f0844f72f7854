import type { Backend, Tensor } from '@rfa/tensor';
import type { ConvWorkspace } from './conv-workspace.js';
import type { Layer } from './layer.js';

/**
 * What a forward pass keeps for the learning rules, preallocated for one batch
 * size so that a training step allocates nothing: per layer the pre-activation
 * `pre` [batch, units], the activation `post` [batch, units] and the local derivative
 * `derivative` f'(pre) [batch, units] (null for a softmax layer, whose teaching
 * signal comes from the loss); `outputs[l]` [batch, outputSize], what the layer above
 * reads (`post[l]` itself, or the pooled activation of a conv layer with pooling);
 * `workspaces[l]`, a conv layer's im2col columns and pooling winners (null for dense).
 * `input` is the [batch, in] buffer of the batch.
 */
export class ForwardCache {
  readonly input: Tensor;
  readonly pre: Tensor[];
  readonly post: Tensor[];
  readonly derivative: (Tensor | null)[];
  readonly outputs: Tensor[];
  readonly workspaces: (ConvWorkspace | null)[];
  /** Per layer with pooling, a [batch, outputSize] buffer for a signal arriving at its pooled output. */
  readonly pooledSignals: (Tensor | null)[];

  constructor(
    backend: Backend,
    readonly layers: readonly Layer[],
    readonly batchSize: number,
  ) {
    this.input = backend.zeros([batchSize, layers[0].inputSize]);
    this.pre = layers.map((l) => backend.zeros([batchSize, l.units]));
    // a linear layer's activation is its pre-activation: share the buffer
    this.post = layers.map((l, i) =>
      l.activation === 'linear' ? this.pre[i] : backend.zeros([batchSize, l.units]),
    );
    this.derivative = layers.map((l) =>
      l.activation === 'softmax' ? null : backend.zeros([batchSize, l.units]),
    );
    const pooled = (l: Layer) => l.outputSize !== l.units;
    this.outputs = layers.map((l, i) =>
      pooled(l) ? backend.zeros([batchSize, l.outputSize]) : this.post[i],
    );
    this.pooledSignals = layers.map((l) => (pooled(l) ? backend.zeros([batchSize, l.outputSize]) : null));
    this.workspaces = layers.map((l) => l.createWorkspace(batchSize));
  }

  /** The network's output, [batch, outputs]. */
  get output(): Tensor {
    return this.outputs[this.outputs.length - 1];
  }

  /** The input to layer `l`: the batch for l = 0, else the output of the layer below. */
  layerInput(l: number): Tensor {
    return l === 0 ? this.input : this.outputs[l - 1];
  }

  dispose(): void {
    const all = new Set([
      this.input,
      ...this.pre,
      ...this.post,
      ...this.derivative,
      ...this.outputs,
      ...this.pooledSignals,
    ]);
    for (const t of all) t?.dispose();
    for (const w of this.workspaces) w?.dispose();
  }
}
