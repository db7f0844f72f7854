import type { Rng } from './rng.js';
import type { Shape } from './shape.js';
import type { Tensor } from './tensor.js';
import type { WindowGeometry } from './window-geometry.js';

/** Pointwise nonlinearities; `softmax` works along each row and has no pointwise derivative. */
export type Activation = 'logistic' | 'tanh' | 'relu' | 'linear' | 'softmax';
export const ACTIVATIONS: readonly Activation[] = ['logistic', 'tanh', 'relu', 'linear', 'softmax'];

/** Pointwise maps that learning rules and metrics need besides the activations. */
export type UnaryOp = 'neg' | 'abs' | 'sign' | 'square' | 'sqrt' | 'exp' | 'log' | 'reciprocal';
export const UNARY_OPS: readonly UnaryOp[] = [
  'neg',
  'abs',
  'sign',
  'square',
  'sqrt',
  'exp',
  'log',
  'reciprocal',
];

/** `C = alpha · op(A) · op(B) + beta · C`, op = transpose when the flag is set. */
export interface GemmOptions {
  transA?: boolean;
  transB?: boolean;
  /** default 1 */
  alpha?: number;
  /** default 0; with beta 0 the old contents of C are ignored (NaN included) */
  beta?: number;
}

/**
 * `W ← beta · W + alpha · Dᵀ · S`, then `Y ← outBeta · Y + outAlpha · X · Wᵀ` through the new W:
 * a weight update and the next forward product. Defaults: alpha 1, beta 1, outAlpha 1, outBeta 0.
 */
export interface UpdateProjectOptions {
  alpha?: number;
  beta?: number;
  outAlpha?: number;
  /** with outBeta 0 the old contents of Y are ignored (NaN included) */
  outBeta?: number;
}

export interface BackendMemory {
  /** Tensors allocated and not yet disposed. */
  tensors: number;
  /** Bytes they hold on the backend's device. */
  bytes: number;
}

/**
 * Everything a dense network and its learning rules need from a compute device.
 * Ops are issued synchronously and write into an output tensor that the caller
 * passes first (BLAS style), so a training step can run without allocating.
 * Outputs may alias inputs for the elementwise ops, not for gemm.
 * Reading back is asynchronous (`read`), with `readSync` where the device allows.
 */
export interface Backend {
  /** Registry name: 'cpu', 'gpu', ... */
  readonly name: string;
  /** What actually runs, for people: kernels, mode, renderer, thresholds, fallbacks. */
  readonly description: string;
  /** Whether `readSync` works on this backend. */
  readonly canReadSync: boolean;

  // creation and transfer
  zeros(shape: Shape): Tensor;
  fromArray(data: ArrayLike<number>, shape: Shape): Tensor;
  /** Overwrites all of `t` with `data` (row-major, length = t.size). */
  write(t: Tensor, data: ArrayLike<number>): void;
  read(t: Tensor): Promise<Float32Array>;
  readSync(t: Tensor): Float32Array;
  /** Called by `Tensor.dispose`; frees the storage. */
  release(t: Tensor): void;
  /** Host backends: the tensor's live storage (no copy), so writes to it are seen by the tensor. */
  hostView?(t: Tensor): Float32Array;
  /** Host backends: wraps `data` as a tensor without copying; the caller gives up ownership. */
  adopt?(data: Float32Array, shape: Shape): Tensor;
  memory(): BackendMemory;
  /** Frees the device (GPU context, worker threads). */
  dispose(): void;

  // data movement
  copy(out: Tensor, src: Tensor): void;
  fill(out: Tensor, value: number): void;

  // linear algebra
  gemm(c: Tensor, a: Tensor, b: Tensor, options?: GemmOptions): void;
  /**
   * A low-rank weight update and then the product through the updated weights, with
   * W [n, m], D [p, n], S [p, m], X [q, m], Y [q, n] (see `UpdateProjectOptions`).
   * The same numbers as `gemm(W, D, S, { transA: true, … })` then `gemm(Y, X, W,
   * { transB: true, … })`; a backend may do both in one pass over W (the CPU backend
   * does, band by band), which saves reading W a second time when it is large.
   */
  updateThenProject(
    w: Tensor,
    d: Tensor,
    s: Tensor,
    x: Tensor,
    y: Tensor,
    options?: UpdateProjectOptions,
  ): void;

  // elementwise; a and b of equal shape
  add(out: Tensor, a: Tensor, b: Tensor): void;
  sub(out: Tensor, a: Tensor, b: Tensor): void;
  mul(out: Tensor, a: Tensor, b: Tensor): void;
  div(out: Tensor, a: Tensor, b: Tensor): void;
  /** out = alpha · a */
  scale(out: Tensor, a: Tensor, alpha: number): void;
  /** out = a + s */
  addScalar(out: Tensor, a: Tensor, s: number): void;
  /** y = y + alpha · x */
  axpy(y: Tensor, alpha: number, x: Tensor): void;
  unary(out: Tensor, a: Tensor, op: UnaryOp): void;
  /** out = min(max(a, low), high) */
  clamp(out: Tensor, a: Tensor, low: number, high: number): void;
  /** out = 1 where a > threshold, else 0 (masks). */
  greater(out: Tensor, a: Tensor, threshold: number): void;

  // rows and axes; matrices [rows, cols]
  /** out[i, j] = a[i, j] + row[j] */
  addRowVector(out: Tensor, a: Tensor, row: Tensor): void;
  /** axis 0 sums down the rows (out: [cols]); axis 1 sums along each row (out: [rows]). */
  sum(out: Tensor, a: Tensor, axis: 0 | 1): void;
  /** out[i] = index of the largest entry of row i (first one on ties). */
  argmaxRows(out: Tensor, a: Tensor): void;

  // activations
  activate(out: Tensor, a: Tensor, activation: Activation): void;
  /** out = f'(pre), the derivative at the pre-activation; not defined for softmax. */
  activationDerivative(out: Tensor, pre: Tensor, activation: Activation): void;
  /**
   * Fused dense-layer tail: pre += bias (per row); post = f(pre); and, when
   * `derivative` is given, derivative = f'(pre). `post` may be `pre` for linear.
   */
  biasActivation(pre: Tensor, bias: Tensor, post: Tensor, activation: Activation, derivative?: Tensor): void;

  // windows (convolution and pooling); images are NHWC rows [batch, H·W·C], see WindowGeometry
  /** cols [batch·outH·outW, kH·kW·C] ← patches of x [batch, H·W·C], entry order (ky, kx, c); zeros where the window covers padding. */
  im2col(cols: Tensor, x: Tensor, g: WindowGeometry): void;
  /** x [batch, H·W·C] ← the adjoint of im2col: each entry the sum of every patch entry that maps onto it (overwrites x). */
  col2im(x: Tensor, cols: Tensor, g: WindowGeometry): void;
  /** out [batch, outH·outW·C] ← window max per channel; argmax (same shape) ← the winner's index in its window, ky·kW + kx, first on ties; padding never wins. */
  maxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void;
  /** dx [batch, H·W·C] ← dy routed to each window's winner, summed where windows overlap (overwrites dx). */
  maxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void;
  /** out [batch, outH·outW·C] ← window mean per channel, dividing by kH·kW (padding counts as zeros). */
  avgPool(out: Tensor, x: Tensor, g: WindowGeometry): void;
  /** dx [batch, H·W·C] ← the adjoint of avgPool (overwrites dx). */
  avgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void;

  // random fills; numbers come from `rng` in row-major order, so every backend
  // draws the same values for the same generator state
  randomUniform(out: Tensor, rng: Rng, low: number, high: number): void;
  randomNormal(out: Tensor, rng: Rng, mean: number, std: number): void;
  /** out = 1 with probability p (a number, or a tensor of per-entry probabilities), else 0. */
  randomBernoulli(out: Tensor, rng: Rng, p: number | Tensor): void;
}
