import type { Activation, GemmPlan, Tensor, UnaryOp, WindowGeometry } from '@rfa/tensor';
import ndarray from 'ndarray';
import * as act from './activation.js';
import * as ew from './elementwise.js';
import { GemmKernel } from './gemm.js';
import { type CpuHandle, type CpuKernelSet, dataOf as data, rowsCols } from './kernel-set.js';
import * as rows from './rows.js';
import * as win from './window.js';

/**
 * The plain-JavaScript kernels: tensors are ndarrays over their own Float32Arrays,
 * gemm is a cache-blocked, register-tiled JS kernel, one thread. The WebAssembly set
 * extends this one and keeps the kernels it has no SIMD version of.
 */
export class JsKernelSet implements CpuKernelSet {
  readonly kind: 'js' | 'wasm' = 'js';
  private readonly gemmKernel: GemmKernel;
  private sumScratch = new Float64Array(0);

  constructor(gemmKernel: GemmKernel = new GemmKernel()) {
    this.gemmKernel = gemmKernel;
  }

  async whenReady(): Promise<number> {
    return 1;
  }

  dispose(): void {}

  allocate(size: number): CpuHandle {
    return ndarray(new Float32Array(size));
  }

  free(_handle: CpuHandle): void {
    // garbage collected; the count in KernelBackend is what tracks leaks
  }

  adopt(values: Float32Array, shape: readonly number[]): CpuHandle | null {
    return ndarray(values, [...shape]);
  }

  gemm(c: Tensor, a: Tensor, b: Tensor, p: GemmPlan): void {
    this.gemmKernel.run(data(c), data(a), data(b), p.m, p.n, p.k, p.transA, p.transB, p.alpha, p.beta);
  }

  binary(op: ew.BinaryOp, out: Tensor, a: Tensor, b: Tensor): void {
    ew.binary(op, data(out), data(a), data(b));
  }

  scaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void {
    ew.scaleShift(data(out), data(a), scale, shift);
  }

  axpy(y: Tensor, alpha: number, x: Tensor): void {
    ew.axpy(data(y), alpha, data(x));
  }

  unary(out: Tensor, a: Tensor, op: UnaryOp): void {
    ew.unary(data(out), data(a), op);
  }

  clamp(out: Tensor, a: Tensor, low: number, high: number): void {
    ew.clamp(data(out), data(a), low, high);
  }

  greater(out: Tensor, a: Tensor, threshold: number): void {
    ew.greater(data(out), data(a), threshold);
  }

  addRowVector(out: Tensor, a: Tensor, row: Tensor): void {
    rows.addRowVector(data(out), data(a), data(row), ...rowsCols(a));
  }

  sum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    const [r, c] = rowsCols(a);
    if (this.sumScratch.length < c) this.sumScratch = new Float64Array(c);
    rows.sum(data(out), data(a), r, c, axis, this.sumScratch);
  }

  argmaxRows(out: Tensor, a: Tensor): void {
    rows.argmaxRows(data(out), data(a), ...rowsCols(a));
  }

  activate(out: Tensor, a: Tensor, activation: Activation): void {
    act.activate(data(out), data(a), activation, ...rowsCols(a));
  }

  activationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    act.activationDerivative(data(out), data(pre), activation);
  }

  biasActivation(pre: Tensor, bias: Tensor, post: Tensor, activation: Activation, derivative?: Tensor): void {
    const d = derivative ? data(derivative) : null;
    act.biasActivation(data(pre), data(bias), data(post), activation, d, ...rowsCols(pre));
  }

  im2col(cols: Tensor, x: Tensor, g: WindowGeometry): void {
    win.im2col(data(cols), data(x), g);
  }

  col2im(x: Tensor, cols: Tensor, g: WindowGeometry): void {
    win.col2im(data(x), data(cols), g);
  }

  maxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void {
    win.maxPool(data(out), data(argmax), data(x), g);
  }

  maxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void {
    win.maxPoolBackward(data(dx), data(dy), data(argmax), g);
  }

  avgPool(out: Tensor, x: Tensor, g: WindowGeometry): void {
    win.avgPool(data(out), data(x), g);
  }

  avgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void {
    win.avgPoolBackward(data(dx), data(dy), g);
  }

  bernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void {
    ew.bernoulliFromUniform(data(out), uniforms, typeof p === 'number' ? p : data(p));
  }
}
