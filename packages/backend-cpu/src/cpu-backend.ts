import {
  type Activation,
  checkLength,
  checkShape,
  type GemmPlan,
  KernelBackend,
  type Rng,
  type Shape,
  type Tensor,
  type UnaryOp,
  type UpdateProjectPlan,
  type WindowGeometry,
} from '@rfa/tensor';
import { type CpuBackendOptions, setUpKernels } from './kernel-choice.js';
import type { BinaryOp } from './kernels/elementwise.js';
import { type CpuHandle, type CpuKernelSet, dataOf as data } from './kernels/kernel-set.js';

/**
 * Backend on the host CPU: tensors are `ndarray`s over Float32Arrays. With the
 * 'wasm' kernels those arrays are views into one WebAssembly memory and gemm runs
 * as a packed f32x4 SIMD kernel in place; with 'js' every kernel is plain
 * JavaScript (a cache-blocked, register-tiled gemm). The kernel set is chosen once,
 * here; every op goes to it. Reads are synchronous and `hostView` shares storage
 * without copying (with 'wasm' on an unshared memory, a view goes stale when the
 * memory grows: take it again after allocating).
 */
export class CpuBackend extends KernelBackend {
  readonly name = 'cpu';
  readonly canReadSync = true;
  readonly description: string;
  /** The kernels in use after resolving the option. */
  readonly kernels: 'js' | 'wasm';
  private readonly set: CpuKernelSet;

  constructor(options: CpuBackendOptions = {}) {
    super();
    const setup = setUpKernels(options);
    this.set = setup.kernels;
    this.kernels = setup.kernels.kind;
    this.description = setup.description;
  }

  /** Resolves when the worker threads (gemm, activation) have booted (until then gemm runs on fewer); returns the thread count. */
  whenReady(): Promise<number> {
    return this.set.whenReady();
  }

  /** Ends the worker threads (the tensors' memory is freed with the backend). */
  override dispose(): void {
    this.set.dispose();
  }

  protected allocate(size: number): CpuHandle {
    return this.set.allocate(size);
  }

  protected free(handle: unknown): void {
    this.set.free(handle as CpuHandle);
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
    const adopted = this.set.adopt(values, shape);
    if (adopted) t.handle = adopted;
    else data(t).set(values);
    return t;
  }

  protected kCopy(out: Tensor, src: Tensor): void {
    data(out).set(data(src));
  }

  protected kFill(out: Tensor, value: number): void {
    data(out).fill(value);
  }

  protected kGemm(c: Tensor, a: Tensor, b: Tensor, p: GemmPlan): void {
    this.set.gemm(c, a, b, p);
  }

  protected override kUpdateThenProject(
    w: Tensor,
    d: Tensor,
    s: Tensor,
    x: Tensor,
    y: Tensor,
    p: UpdateProjectPlan,
  ): void {
    if (this.set.updateThenProject) this.set.updateThenProject(w, d, s, x, y, p);
    else super.kUpdateThenProject(w, d, s, x, y, p);
  }

  protected kBinary(op: BinaryOp, out: Tensor, a: Tensor, b: Tensor): void {
    this.set.binary(op, out, a, b);
  }

  protected kScaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void {
    this.set.scaleShift(out, a, scale, shift);
  }

  protected kAxpy(y: Tensor, alpha: number, x: Tensor): void {
    this.set.axpy(y, alpha, x);
  }

  protected kUnary(out: Tensor, a: Tensor, op: UnaryOp): void {
    this.set.unary(out, a, op);
  }

  protected kClamp(out: Tensor, a: Tensor, low: number, high: number): void {
    this.set.clamp(out, a, low, high);
  }

  protected kGreater(out: Tensor, a: Tensor, threshold: number): void {
    this.set.greater(out, a, threshold);
  }

  protected kAddRowVector(out: Tensor, a: Tensor, row: Tensor): void {
    this.set.addRowVector(out, a, row);
  }

  protected kSum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    this.set.sum(out, a, axis);
  }

  protected kArgmaxRows(out: Tensor, a: Tensor): void {
    this.set.argmaxRows(out, a);
  }

  protected kActivate(out: Tensor, a: Tensor, activation: Activation): void {
    this.set.activate(out, a, activation);
  }

  protected kActivationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    this.set.activationDerivative(out, pre, activation);
  }

  protected override kBiasActivation(
    pre: Tensor,
    bias: Tensor,
    post: Tensor,
    activation: Activation,
    derivative?: Tensor,
  ): void {
    this.set.biasActivation(pre, bias, post, activation, derivative);
  }

  protected kIm2col(cols: Tensor, x: Tensor, g: WindowGeometry): void {
    this.set.im2col(cols, x, g);
  }

  protected kCol2im(x: Tensor, cols: Tensor, g: WindowGeometry): void {
    this.set.col2im(x, cols, g);
  }

  protected kMaxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void {
    this.set.maxPool(out, argmax, x, g);
  }

  protected kMaxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void {
    this.set.maxPoolBackward(dx, dy, argmax, g);
  }

  protected kAvgPool(out: Tensor, x: Tensor, g: WindowGeometry): void {
    this.set.avgPool(out, x, g);
  }

  protected kAvgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void {
    this.set.avgPoolBackward(dx, dy, g);
  }

  protected override kBernoulli(out: Tensor, rng: Rng, p: number | Tensor): void {
    if (this.set.bernoulli) this.set.bernoulli(out, rng, p);
    else super.kBernoulli(out, rng, p);
  }

  protected kBernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void {
    this.set.bernoulliFromUniform(out, uniforms, p);
  }
}

/** Factory: `createCpuBackend()`. */
export function createCpuBackend(options?: CpuBackendOptions): CpuBackend {
  return new CpuBackend(options);
}
