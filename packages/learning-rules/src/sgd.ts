import type { ConvWorkspace, Layer } from '@rfa/layers';
import { type Backend, OptionError, type Tensor } from '@rfa/tensor';

export interface SgdOptions {
  learningRate: number;
  /** L2 decay of W (not b): W ← W − η λ W each step. Default 0. */
  weightDecay?: number;
  /** Classical momentum μ (default 0: plain SGD). */
  momentum?: number;
}

export function checkSgdOptions(o: SgdOptions): void {
  if (!(o.learningRate > 0) || !Number.isFinite(o.learningRate)) {
    throw new OptionError(`learningRate must be a positive number, got ${o.learningRate}`);
  }
  if (!((o.weightDecay ?? 0) >= 0)) throw new OptionError(`weightDecay must be ≥ 0, got ${o.weightDecay}`);
  const m = o.momentum ?? 0;
  if (!(m >= 0 && m < 1)) throw new OptionError(`momentum must be in [0, 1), got ${m}`);
}

/**
 * The update shared by every rule, for one layer:
 * `W += η · mean_batch(delta ⊗ input) − η λ W`, `b += η · mean_batch(delta)` (for a conv layer
 * the outer products and the bias signal are summed over window positions, then averaged
 * over the batch: the gradient of the batch-mean loss).
 * With momentum μ: `v ← μ v + (mean(delta ⊗ input) − λ W)`, `W += η v` (likewise b, without decay).
 * The weight step is a single gemm with β = 1 − ηλ, so nothing is allocated.
 */
export class LayerSgd {
  private readonly biasStep: Tensor;
  private readonly velocityW: Tensor | null;
  private readonly velocityB: Tensor | null;

  constructor(
    private readonly backend: Backend,
    private readonly layer: Layer,
    private readonly options: SgdOptions,
  ) {
    this.biasStep = backend.zeros([layer.bias.size]);
    const momentum = options.momentum ?? 0;
    this.velocityW = momentum > 0 ? backend.zeros(layer.weights.shape) : null;
    this.velocityB = momentum > 0 ? backend.zeros(layer.bias.shape) : null;
  }

  /** Momentum buffers, for checkpoints (empty without momentum). */
  state(): Tensor[] {
    return this.velocityW && this.velocityB ? [this.velocityW, this.velocityB] : [];
  }

  /**
   * One step from the layer's teaching signal `delta` [batch, units] and its `input`; a conv
   * layer also needs its `workspace` (the forward pass's im2col columns of `input`).
   */
  apply(delta: Tensor, input: Tensor, workspace: ConvWorkspace | null = null): void {
    const { backend: b, layer } = this;
    const eta = this.options.learningRate;
    const decay = this.options.weightDecay ?? 0;
    const batch = delta.shape[0];
    layer.biasGradient(this.biasStep, delta);
    if (this.velocityW && this.velocityB) {
      const mu = this.options.momentum ?? 0;
      layer.weightGradient(this.velocityW, delta, input, workspace, 1 / batch, mu);
      if (decay > 0) b.axpy(this.velocityW, -decay, layer.weights);
      b.axpy(layer.weights, eta, this.velocityW);
      b.scale(this.velocityB, this.velocityB, mu);
      b.axpy(this.velocityB, 1 / batch, this.biasStep);
      b.axpy(layer.bias, eta, this.velocityB);
    } else {
      layer.weightGradient(layer.weights, delta, input, workspace, eta / batch, 1 - eta * decay);
      b.axpy(layer.bias, eta / batch, this.biasStep);
    }
    if (layer.mask) b.mul(layer.weights, layer.weights, layer.mask);
  }

  dispose(): void {
    for (const t of [this.biasStep, this.velocityW, this.velocityB]) t?.dispose();
  }
}
