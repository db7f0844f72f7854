import type {
  Activation,
  GemmPlan,
  Rng,
  Tensor,
  UnaryOp,
  UpdateProjectPlan,
  WindowGeometry,
} from '@rfa/tensor';
import type { NdArrayLike } from '@rfa/tensor/ndarray';
import type { BinaryOp } from './elementwise.js';

/** The storage of one CPU tensor: an ndarray over a Float32Array (in wasm memory for the wasm set). */
export type CpuHandle = NdArrayLike<Float32Array>;

/**
 * The kernels a `CpuBackend` runs, chosen once when the backend is made: plain
 * JavaScript (`JsKernelSet`) or WebAssembly SIMD (`WasmKernelSet`). The backend
 * validates operands (through `KernelBackend`) and hands every op to its set, so it
 * never asks which set it holds. Outputs come first; outputs may alias inputs.
 */
export interface CpuKernelSet {
  readonly kind: 'js' | 'wasm';
  /** Resolves when worker threads have booted; the thread count. */
  whenReady(): Promise<number>;
  dispose(): void;
  allocate(size: number): CpuHandle;
  free(handle: CpuHandle): void;
  /** Storage for `values` with `shape`: the array itself where the set can run on it, else null (the backend copies). */
  adopt(values: Float32Array, shape: readonly number[]): CpuHandle | null;
  gemm(c: Tensor, a: Tensor, b: Tensor, plan: GemmPlan): void;
  /** A fused update-then-project, where the set has one (else `KernelBackend` composes two gemms). */
  updateThenProject?(w: Tensor, d: Tensor, s: Tensor, x: Tensor, y: Tensor, plan: UpdateProjectPlan): void;
  binary(op: BinaryOp, out: Tensor, a: Tensor, b: Tensor): void;
  scaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void;
  axpy(y: Tensor, alpha: number, x: Tensor): void;
  unary(out: Tensor, a: Tensor, op: UnaryOp): void;
  clamp(out: Tensor, a: Tensor, low: number, high: number): void;
  greater(out: Tensor, a: Tensor, threshold: number): void;
  addRowVector(out: Tensor, a: Tensor, row: Tensor): void;
  sum(out: Tensor, a: Tensor, axis: 0 | 1): void;
  argmaxRows(out: Tensor, a: Tensor): void;
  activate(out: Tensor, a: Tensor, activation: Activation): void;
  activationDerivative(out: Tensor, pre: Tensor, activation: Activation): void;
  biasActivation(pre: Tensor, bias: Tensor, post: Tensor, activation: Activation, derivative?: Tensor): void;
  im2col(cols: Tensor, x: Tensor, g: WindowGeometry): void;
  col2im(x: Tensor, cols: Tensor, g: WindowGeometry): void;
  maxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void;
  maxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void;
  avgPool(out: Tensor, x: Tensor, g: WindowGeometry): void;
  avgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void;
  /** out ~ Bernoulli(p) drawn inside the kernel, continuing `rng`'s stream bit for bit, where the set can. */
  bernoulli?(out: Tensor, rng: Rng, p: number | Tensor): void;
  bernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void;
}

/** The floats of a CPU tensor. */
export const dataOf = (t: Tensor): Float32Array => (t.handle as CpuHandle).data;

/** A tensor as rows × columns (a vector is one row). */
export const rowsCols = (t: Tensor): [number, number] =>
  t.shape.length === 1 ? [1, t.shape[0]] : [t.shape[0], t.shape[1]];
