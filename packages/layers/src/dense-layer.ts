import { type Activation, type Backend, OptionError, type Rng, type Tensor } from '@rfa/tensor';
import { type Initializer, initialize, uniformInit, zerosInit } from './initializers.js';
import type { Layer } from './layer.js';
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
export class DenseLayer implements Layer {
  readonly kind = 'dense' as const;
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

  /** A dense layer's pre-activations are its outputs. */
  get units(): number {
    return this.outputSize;
  }

  createWorkspace(): null {
    return null;
  }

  run(
    x: Tensor,
    pre: Tensor,
    post: Tensor,
    _output: Tensor,
    _ws: null,
    derivative?: Tensor,
    noise?: Tensor,
  ): void {
    this.forward(x, pre, post, derivative, noise);
  }

  inputSignal(dx: Tensor, signal: Tensor, matrix: Tensor, transposed: boolean): void {
    this.backend.gemm(dx, signal, matrix, { transB: transposed });
  }

  weightGradient(target: Tensor, delta: Tensor, input: Tensor, _ws: null, alpha: number, beta: number): void {
    this.backend.gemm(target, delta, input, { transA: true, alpha, beta });
  }

  transposedWeightGradient(
    target: Tensor,
    delta: Tensor,
    input: Tensor,
    _ws: null,
    alpha: number,
    beta: number,
  ): void {
    this.backend.gemm(target, input, delta, { transA: true, alpha, beta });
  }

  linearResponse(y: Tensor, x: Tensor): void {
    this.backend.gemm(y, x, this.weights, { transB: true });
  }

  /** W is applied once per example. */
  get positions(): number {
    return 1;
  }

  biasGradient(out: Tensor, delta: Tensor): void {
    this.backend.sum(out, delta, 0);
  }

  routeToUnits(units: Tensor, atOutput: Tensor): void {
    if (units !== atOutput) this.backend.copy(units, atOutput);
  }

  dispose(): void {
    this.weights.dispose();
    this.bias.dispose();
    this.mask?.dispose();
  }
}
