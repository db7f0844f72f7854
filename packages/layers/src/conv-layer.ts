import {
  type Activation,
  type Backend,
  OptionError,
  type Rng,
  type Tensor,
  type WindowGeometry,
  windowGeometry,
} from '@rfa/tensor';
import { ConvWorkspace } from './conv-workspace.js';
import type { DenseLayerOptions } from './dense-layer.js';
import { initialize, uniformInit, zerosInit } from './initializers.js';
import type { Layer } from './layer.js';
import { applyMask, connectivityMask } from './masks.js';
import { RowViews } from './row-views.js';

/** Zero padding: 'valid' (none), 'same' (TensorFlow's rule), or rows/columns before and after. */
export type Padding = 'valid' | 'same' | number | [number, number];

/** A pooling stage after a conv layer's activation: window `size`, `stride` (default = size). */
export interface PoolOptions {
  kind: 'max' | 'avg';
  size: number | [number, number];
  stride?: number | [number, number];
  padding?: Padding;
}

export interface ConvLayerSpec {
  /** The input image, NHWC: each example a row of height·width·inChannels values. */
  height: number;
  width: number;
  inChannels: number;
  outChannels: number;
  kernel: number | [number, number];
  stride?: number | [number, number];
  padding?: Padding;
  activation: Activation;
  pool?: PoolOptions;
}

const geometryOf = (g: WindowGeometry, batch: number): WindowGeometry => ({ ...g, batch });

/**
 * A 2-D convolution, `post = f(conv(x, W) + b)`, on NHWC image rows, optionally followed by
 * max or average pooling. `weights` is [outChannels, kH·kW·inChannels] (one row per filter,
 * entries in (ky, kx, c) order, the order of the backend's im2col), `bias` is [outChannels].
 * Forward is `im2col` then one gemm; the rules' products are gemms on the same columns and
 * `col2im`, so a conv layer is a dense layer applied at every window position.
 * @example
 * const conv = new ConvLayer(backend, { height: 28, width: 28, inChannels: 1, outChannels: 6,
 *   kernel: 5, activation: 'relu', pool: { kind: 'max', size: 2 } }, new Rng(1));
 */
export class ConvLayer implements Layer {
  readonly kind = 'conv' as const;
  readonly inputSize: number;
  readonly units: number;
  readonly outputSize: number;
  readonly activation: Activation;
  readonly weights: Tensor;
  readonly bias: Tensor;
  readonly mask: Tensor | null;
  /** The convolution's geometry for one example (`batch` 1). */
  readonly geometry: WindowGeometry;
  /** The pooling stage's geometry for one example, or null. */
  readonly poolGeometry: WindowGeometry | null;
  readonly poolKind: 'max' | 'avg' | null;
  /** Height, width and channels of what the layer above reads. */
  readonly outputShape: [number, number, number];
  private readonly rows: RowViews;

  constructor(
    readonly backend: Backend,
    spec: ConvLayerSpec,
    rng: Rng,
    options: DenseLayerOptions = {},
  ) {
    for (const key of ['height', 'width', 'inChannels', 'outChannels'] as const) {
      if (!Number.isInteger(spec[key]) || spec[key] < 1)
        throw new OptionError(`ConvLayer: ${key} must be a positive integer, got ${spec[key]}`);
    }
    if (spec.activation === 'softmax')
      throw new OptionError('ConvLayer: activation softmax is not allowed (it is for the last dense layer)');
    this.geometry = windowGeometry({
      batch: 1,
      height: spec.height,
      width: spec.width,
      channels: spec.inChannels,
      kernel: spec.kernel,
      stride: spec.stride,
      padding: spec.padding,
    });
    const g = this.geometry;
    const pool = spec.pool;
    if (pool && pool.kind !== 'max' && pool.kind !== 'avg')
      throw new OptionError(`ConvLayer: pool.kind must be 'max' or 'avg', got ${String(pool.kind)}`);
    this.poolKind = pool?.kind ?? null;
    this.poolGeometry = pool
      ? windowGeometry({
          batch: 1,
          height: g.outHeight,
          width: g.outWidth,
          channels: spec.outChannels,
          kernel: pool.size,
          stride: pool.stride ?? pool.size,
          padding: pool.padding,
        })
      : null;
    const p = this.poolGeometry;
    this.outputShape = p
      ? [p.outHeight, p.outWidth, spec.outChannels]
      : [g.outHeight, g.outWidth, spec.outChannels];
    this.inputSize = spec.height * spec.width * spec.inChannels;
    this.units = g.outHeight * g.outWidth * spec.outChannels;
    this.outputSize = this.outputShape[0] * this.outputShape[1] * this.outputShape[2];
    this.activation = spec.activation;
    this.weights = backend.zeros([spec.outChannels, g.kernelHeight * g.kernelWidth * spec.inChannels]);
    this.bias = backend.zeros([spec.outChannels]);
    initialize(backend, this.weights, options.init ?? uniformInit(0.05), rng);
    initialize(backend, this.bias, options.biasInit ?? zerosInit(), rng);
    const fraction = options.removeFraction ?? 0;
    this.mask = fraction > 0 ? connectivityMask(backend, this.weights.shape, fraction, rng) : null;
    if (this.mask) applyMask(backend, this.weights, this.mask);
    this.rows = new RowViews(spec.outChannels);
  }

  get outChannels(): number {
    return this.weights.shape[0];
  }

  /** Window positions per example (outH·outW): the rows one example adds to the columns. */
  get positions(): number {
    return this.geometry.outHeight * this.geometry.outWidth;
  }

  createWorkspace(batchSize: number): ConvWorkspace {
    const pool = this.poolGeometry ? geometryOf(this.poolGeometry, batchSize) : null;
    return new ConvWorkspace(
      this.backend,
      geometryOf(this.geometry, batchSize),
      pool,
      this.poolKind === 'max',
    );
  }

  run(
    x: Tensor,
    pre: Tensor,
    post: Tensor,
    output: Tensor,
    ws: ConvWorkspace,
    derivative?: Tensor,
    noise?: Tensor,
  ): void {
    const b = this.backend;
    const rows = this.rows;
    b.im2col(ws.cols, x, ws.conv);
    b.gemm(rows.of(pre), ws.cols, this.weights, { transB: true });
    if (noise) b.add(pre, pre, noise);
    b.biasActivation(
      rows.of(pre),
      this.bias,
      rows.of(post),
      this.activation,
      derivative ? rows.of(derivative) : undefined,
    );
    if (this.poolKind === 'max') b.maxPool(output, ws.argmax!, post, ws.pool!);
    else if (this.poolKind === 'avg') b.avgPool(output, post, ws.pool!);
  }

  /** The linear response without bias, `y = conv(x, W)` ([batch, units]); weight mirror's probe. */
  linearResponse(y: Tensor, x: Tensor, ws: ConvWorkspace): void {
    this.backend.im2col(ws.cols, x, ws.conv);
    this.backend.gemm(this.rows.of(y), ws.cols, this.weights, { transB: true });
  }

  inputSignal(dx: Tensor, signal: Tensor, matrix: Tensor, transposed: boolean, ws: ConvWorkspace): void {
    this.backend.gemm(ws.gradCols, this.rows.of(signal), matrix, { transB: transposed });
    this.backend.col2im(dx, ws.gradCols, ws.conv);
  }

  weightGradient(
    target: Tensor,
    delta: Tensor,
    _input: Tensor,
    ws: ConvWorkspace,
    alpha: number,
    beta: number,
  ): void {
    this.backend.gemm(target, this.rows.of(delta), ws.cols, { transA: true, alpha, beta });
  }

  /** As `weightGradient`, in Wᵀ's layout ([kH·kW·inC, outC]): Σ columnsᵀ · δ. */
  transposedWeightGradient(
    target: Tensor,
    delta: Tensor,
    _input: Tensor,
    ws: ConvWorkspace,
    alpha: number,
    beta: number,
  ): void {
    this.backend.gemm(target, ws.cols, this.rows.of(delta), { transA: true, alpha, beta });
  }

  biasGradient(out: Tensor, delta: Tensor): void {
    this.backend.sum(out, this.rows.of(delta), 0);
  }

  routeToUnits(units: Tensor, atOutput: Tensor, ws: ConvWorkspace): void {
    const b = this.backend;
    if (this.poolKind === 'max') b.maxPoolBackward(units, atOutput, ws.argmax!, ws.pool!);
    else if (this.poolKind === 'avg') b.avgPoolBackward(units, atOutput, ws.pool!);
    else if (units !== atOutput) b.copy(units, atOutput);
  }

  dispose(): void {
    this.weights.dispose();
    this.bias.dispose();
    this.mask?.dispose();
  }
}
