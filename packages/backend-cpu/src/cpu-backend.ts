import {
  type Activation,
  type GemmPlan,
  KernelBackend,
  type Shape,
  Tensor,
  type UnaryOp,
  checkLength,
  checkShape,
} from '@rfa/tensor';
import ndarray, { type NdArray } from 'ndarray';
import * as act from './kernels/activation.js';
import * as ew from './kernels/elementwise.js';
import { GemmKernel } from './kernels/gemm.js';
import * as rows from './kernels/rows.js';

export interface CpuBackendOptions {
  /** Replaces the gemm kernel (the WebAssembly kernels plug in here). */
  gemm?: GemmKernel;
}

/** The storage of one CPU tensor: an ndarray over a Float32Array. */
type Handle = NdArray<Float32Array>;

const data = (t: Tensor): Float32Array => (t.handle as Handle).data;
const rowsCols = (t: Tensor): [number, number] => (t.shape.length === 1 ? [1, t.shape[0]] : [t.shape[0], t.shape[1]]);

/**
 * Backend on the host CPU: tensors are `ndarray`s over Float32Arrays, kernels are
 * plain JavaScript (a cache-blocked, register-tiled gemm; single-pass elementwise
 * loops). Reads are synchronous and `hostView` shares storage without copying.
 */
export class CpuBackend extends KernelBackend {
  readonly name = 'cpu';
  readonly canReadSync = true;
  readonly description: string;
  private readonly gemmKernel: GemmKernel;
  private sumScratch = new Float64Array(0);

  constructor(options: CpuBackendOptions = {}) {
    super();
    this.gemmKernel = options.gemm ?? new GemmKernel();
    this.description = 'cpu: plain JavaScript kernels on ndarray storage (blocked 4×4 gemm), one thread';
  }

  protected allocate(size: number): Handle {
    return ndarray(new Float32Array(size));
  }

  protected free(): void {
    // garbage collected; the count in KernelBackend is what tracks leaks
  }

  protected upload(t: Tensor, values: ArrayLike<number>): void {
    data(t).set(values);
  }

  protected async download(t: Tensor): Promise<Float32Array> {
    return data(t).slice();
  }

  protected downloadSync(t: Tensor): Float32Array {
    return data(t).slice();
  }

  hostView(t: Tensor): Float32Array {
    t.assertLive('hostView');
    return data(t);
  }

  adopt(values: Float32Array, shape: Shape): Tensor {
    checkShape('adopt', shape);
    checkLength('adopt', values.length, shape);
    const t = this.zeros(shape);
    t.handle = ndarray(values, [...shape]);
    return t;
  }

  protected kCopy(out: Tensor, src: Tensor): void {
    data(out).set(data(src));
  }

  protected kFill(out: Tensor, value: number): void {
    data(out).fill(value);
  }

  protected kGemm(c: Tensor, a: Tensor, b: Tensor, p: GemmPlan): void {
    this.gemmKernel.run(data(c), data(a), data(b), p.m, p.n, p.k, p.transA, p.transB, p.alpha, p.beta);
  }

  protected kBinary(op: ew.BinaryOp, out: Tensor, a: Tensor, b: Tensor): void {
    ew.binary(op, data(out), data(a), data(b));
  }

  protected kScaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void {
    ew.scaleShift(data(out), data(a), scale, shift);
  }

  protected kAxpy(y: Tensor, alpha: number, x: Tensor): void {
    ew.axpy(data(y), alpha, data(x));
  }

  protected kUnary(out: Tensor, a: Tensor, op: UnaryOp): void {
    ew.unary(data(out), data(a), op);
  }

  protected kClamp(out: Tensor, a: Tensor, low: number, high: number): void {
    ew.clamp(data(out), data(a), low, high);
  }

  protected kGreater(out: Tensor, a: Tensor, threshold: number): void {
    ew.greater(data(out), data(a), threshold);
  }

  protected kAddRowVector(out: Tensor, a: Tensor, row: Tensor): void {
    rows.addRowVector(data(out), data(a), data(row), ...rowsCols(a));
  }

  protected kSum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    const [r, c] = rowsCols(a);
    if (this.sumScratch.length < c) this.sumScratch = new Float64Array(c);
    rows.sum(data(out), data(a), r, c, axis, this.sumScratch);
  }

  protected kArgmaxRows(out: Tensor, a: Tensor): void {
    rows.argmaxRows(data(out), data(a), ...rowsCols(a));
  }

  protected kActivate(out: Tensor, a: Tensor, activation: Activation): void {
    act.activate(data(out), data(a), activation, ...rowsCols(a));
  }

  protected kActivationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    act.activationDerivative(data(out), data(pre), activation);
  }

  protected override kBiasActivation(pre: Tensor, bias: Tensor, post: Tensor, activation: Activation, derivative?: Tensor) {
    act.biasActivation(data(pre), data(bias), data(post), activation, derivative ? data(derivative) : null, ...rowsCols(pre));
  }

  protected kBernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void {
    ew.bernoulliFromUniform(data(out), uniforms, typeof p === 'number' ? p : data(p));
  }
}

/** Factory: `createCpuBackend()`. */
export function createCpuBackend(options?: CpuBackendOptions): CpuBackend {
  return new CpuBackend(options);
}
