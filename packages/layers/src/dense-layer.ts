import { type Activation, type Backend, OptionError, type Rng, type Tensor } from '@rfa/tensor';
import { type Initializer, initialize, uniformInit, zerosInit } from './initializers.js';
import { applyMask, connectivityMask } from './masks.js';

export interface DenseLayerSpec {
  inputSize: number;
  outputSize: number;
  activation: Activation;
}

export interface DenseLayerOptions {
  init?: Initializer;
  biasInit?: Initializer;
  /** Remove this fraction of W's entries at random, for good (default 0). */
  removeFraction?: number;
}

/**
 * A fully connected layer: `post = f(x · Wᵀ + b)` on batch rows. `weights` is
 * [out, in] (the paper's W), `bias` is [out]. `mask`, when present, holds the
 * connections that exist; the update step re-applies it so removed ones stay 0.
 */
export class DenseLayer {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly activation: Activation;
  readonly weights: Tensor;
  readonly bias: Tensor;
  readonly mask: Tensor | null;

  constructor(
    readonly backend: Backend,
    spec: DenseLayerSpec,
    rng: Rng,
    options: DenseLayerOptions = {},
  ) {
    for (const key of ['inputSize', 'outputSize'] as const) {
      if (!Number.isInteger(spec[key]) || spec[key] < 1) {
        throw new OptionError(`DenseLayer: ${key} must be a positive integer, got ${spec[key]}`);
      }
    }
    this.inputSize = spec.inputSize;
    this.outputSize = spec.outputSize;
    this.activation = spec.activation;
    this.weights = backend.zeros([spec.outputSize, spec.inputSize]);
    this.bias = backend.zeros([spec.outputSize]);
    initialize(backend, this.weights, options.init ?? uniformInit(0.05), rng);
    initialize(backend, this.bias, options.biasInit ?? zerosInit(), rng);
    const fraction = options.removeFraction ?? 0;
    this.mask = fraction > 0 ? connectivityMask(backend, this.weights.shape, fraction, rng) : null;
    if (this.mask) applyMask(backend, this.weights, this.mask);
  }

  /** pre = x · Wᵀ (+ noise) + b; post = f(pre); derivative = f'(pre) when asked. */
  forward(x: Tensor, pre: Tensor, post: Tensor, derivative?: Tensor, noise?: Tensor): void {
    const b = this.backend;
    b.gemm(pre, x, this.weights, { transB: true });
    if (noise) b.add(pre, pre, noise);
    b.biasActivation(pre, this.bias, post, this.activation, derivative);
  }

  dispose(): void {
    this.weights.dispose();
    this.bias.dispose();
    this.mask?.dispose();
  }
}
