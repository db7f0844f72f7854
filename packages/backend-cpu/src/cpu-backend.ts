import {
  type Activation,
  checkLength,
  checkShape,
  type GemmPlan,
  KernelBackend,
  type NdArrayLike,
  type Rng,
  type Shape,
  type Tensor,
  type UnaryOp,
  type UpdateProjectPlan,
} from '@rfa/tensor';
import ndarray from 'ndarray';
import { type CpuBackendOptions, setUpKernels } from './kernel-choice.js';
import * as act from './kernels/activation.js';
import * as ew from './kernels/elementwise.js';
import { GemmKernel } from './kernels/gemm.js';
import * as rows from './kernels/rows.js';
import { ACTIVATION_CODES, type WasmRuntime } from './kernels/wasm/wasm-runtime.js';
import type { WasmHandle } from './kernels/wasm/wasm-storage.js';

/** The storage of one CPU tensor: an ndarray over a Float32Array (in wasm memory, with its address, for 'wasm'). */
type Handle = NdArrayLike<Float32Array>;
const ptr = (t: Tensor): number => (t.handle as WasmHandle).ptr;
const BINARY_CODES: Record<ew.BinaryOp, number> = { add: 0, sub: 1, mul: 2, div: 3 };

const data = (t: Tensor): Float32Array => (t.handle as Handle).data;
const rowsCols = (t: Tensor): [number, number] =>
  t.shape.length === 1 ? [1, t.shape[0]] : [t.shape[0], t.shape[1]];

/**
 * Backend on the host CPU: tensors are `ndarray`s over Float32Arrays. With the
 * 'wasm' kernels those arrays are views into one WebAssembly memory and gemm runs
 * as a packed f32x4 SIMD kernel in place; with 'js' every kernel is plain
 * JavaScript (a cache-blocked, register-tiled gemm). Elementwise kernels run on
 * the views either way, so no op copies. Reads are synchronous and `hostView`
 * shares storage without copying (with 'wasm' on an unshared memory, a view goes
 * stale when the memory grows: take it again after allocating).
 */
export class CpuBackend extends KernelBackend {
  readonly name = 'cpu';
  readonly canReadSync = true;
  readonly description: string;
  /** The kernels in use after resolving the option. */
  readonly kernels: 'js' | 'wasm';
  private readonly gemmKernel: GemmKernel;
  private readonly wasm: WasmRuntime | null;
  private sumScratch = new Float64Array(0);
  /** f64 accumulators of the wasm column sum, in wasm memory (grown on demand). */
  private wasmSumScratch = { ptr: 0, bytes: 0 };
  /** The generator's four state words in wasm memory, and a view of them (re-taken after growth). */
  private rngWords: { ptr: number; view: Uint32Array } | null = null;

  constructor(options: CpuBackendOptions = {}) {
    super();
    this.gemmKernel = options.gemm ?? new GemmKernel();
    const setup = setUpKernels(options);
    this.wasm = setup.wasm;
    this.kernels = setup.wasm ? 'wasm' : 'js';
    this.description = setup.description;
  }

  /** Resolves when the worker threads (gemm, activation) have booted (until then gemm runs on fewer); returns the thread count. */
  async whenReady(): Promise<number> {
    return this.wasm ? this.wasm.pool.whenReady() : 1;
  }

  /** Ends the worker threads (the tensors' memory is freed with the backend). */
  override dispose(): void {
    this.wasm?.pool.dispose();
  }

  protected allocate(size: number): Handle {
    return this.wasm ? this.wasm.storage.allocate(size) : ndarray(new Float32Array(size));
  }

  protected free(handle: unknown): void {
    // JS storage is garbage collected; the count in KernelBackend is what tracks leaks
    this.wasm?.storage.free(handle as WasmHandle);
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
    // wasm kernels need the values in wasm memory: one copy here, none per op later
    if (this.wasm) data(t).set(values);
    else t.handle = ndarray(values, [...shape]);
    return t;
  }

  protected kCopy(out: Tensor, src: Tensor): void {
    data(out).set(data(src));
  }

  protected kFill(out: Tensor, value: number): void {
    data(out).fill(value);
  }

  protected kGemm(c: Tensor, a: Tensor, b: Tensor, p: GemmPlan): void {
    if (this.wasm)
      this.wasm.gemm.run(ptr(c), ptr(a), ptr(b), p.m, p.n, p.k, p.transA, p.transB, p.alpha, p.beta);
    else this.gemmKernel.run(data(c), data(a), data(b), p.m, p.n, p.k, p.transA, p.transB, p.alpha, p.beta);
  }

  /** With the WebAssembly kernels: one pass over W for both products where they take the few-row path. */
  protected override kUpdateThenProject(
    w: Tensor,
    d: Tensor,
    s: Tensor,
    x: Tensor,
    y: Tensor,
    p: UpdateProjectPlan,
  ): void {
    if (!this.wasm) {
      super.kUpdateThenProject(w, d, s, x, y, p);
      return;
    }
    this.wasm.gemm.updateThenProject(
      ptr(w),
      ptr(d),
      ptr(s),
      ptr(x),
      ptr(y),
      p.n,
      p.m,
      p.p,
      p.q,
      p.alpha,
      p.beta,
      p.outAlpha,
      p.outBeta,
    );
  }

  protected kBinary(op: ew.BinaryOp, out: Tensor, a: Tensor, b: Tensor): void {
    if (this.wasm) this.wasm.x.binary(BINARY_CODES[op], ptr(out), ptr(a), ptr(b), out.size);
    else ew.binary(op, data(out), data(a), data(b));
  }

  protected kScaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void {
    if (this.wasm) this.wasm.x.scaleShift(ptr(out), ptr(a), out.size, scale, shift);
    else ew.scaleShift(data(out), data(a), scale, shift);
  }

  protected kAxpy(y: Tensor, alpha: number, x: Tensor): void {
    if (this.wasm) this.wasm.x.axpy(ptr(y), ptr(x), y.size, alpha);
    else ew.axpy(data(y), alpha, data(x));
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
    if (this.wasm) this.wasm.x.addRowVector(ptr(out), ptr(a), ptr(row), ...rowsCols(a));
    else rows.addRowVector(data(out), data(a), data(row), ...rowsCols(a));
  }

  protected kSum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    const [r, c] = rowsCols(a);
    if (this.wasm && axis === 0) {
      // the bias step of every update: one f64x2 pass instead of a JS loop
      const scratch = this.wasmSumScratch;
      if (scratch.bytes < 8 * c) {
        const heap = this.wasm.storage.kernels.heap;
        if (scratch.bytes > 0) heap.free(scratch.ptr, scratch.bytes);
        scratch.bytes = 8 * c;
        scratch.ptr = heap.alloc(scratch.bytes);
      }
      this.wasm.x.sumColumns(ptr(out), ptr(a), r, c, scratch.ptr);
      return;
    }
    if (this.sumScratch.length < c) this.sumScratch = new Float64Array(c);
    rows.sum(data(out), data(a), r, c, axis, this.sumScratch);
  }

  protected kArgmaxRows(out: Tensor, a: Tensor): void {
    rows.argmaxRows(data(out), data(a), ...rowsCols(a));
  }

  protected kActivate(out: Tensor, a: Tensor, activation: Activation): void {
    if (this.wasm && activation !== 'softmax') {
      this.wasmActivation(activation, ptr(a), 0, ptr(out), 0, ...rowsCols(a));
    } else act.activate(data(out), data(a), activation, ...rowsCols(a));
  }

  protected kActivationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    if (this.wasm && activation !== 'softmax') {
      this.wasmActivation(activation, ptr(pre), 0, 0, ptr(out), ...rowsCols(pre));
    } else act.activationDerivative(data(out), data(pre), activation);
  }

  protected override kBiasActivation(
    pre: Tensor,
    bias: Tensor,
    post: Tensor,
    activation: Activation,
    derivative?: Tensor,
  ) {
    if (this.wasm && activation !== 'softmax') {
      const d = derivative ? ptr(derivative) : 0;
      this.wasmActivation(activation, ptr(pre), ptr(bias), ptr(post), d, ...rowsCols(pre));
      return;
    }
    const d = derivative ? data(derivative) : null;
    act.biasActivation(data(pre), data(bias), data(post), activation, d, ...rowsCols(pre));
  }

  /** One fused SIMD pass: pre (+= bias), post = f, derivative = f' (0 pointers skip a part). */
  private wasmActivation(
    activation: Exclude<Activation, 'softmax'>,
    pre: number,
    bias: number,
    post: number,
    d: number,
    r: number,
    c: number,
  ) {
    (this.wasm as WasmRuntime).activation.run(ACTIVATION_CODES[activation], pre, bias, post, d, r, c);
  }

  /** With wasm: the uniforms are drawn in the kernel itself, continuing `rng`'s stream (no array of uniforms). */
  protected override kBernoulli(out: Tensor, rng: Rng, p: number | Tensor): void {
    if (!this.wasm) {
      super.kBernoulli(out, rng, p);
      return;
    }
    const words = this.stateWords();
    rng.stateWords(words.view);
    const perEntry = typeof p !== 'number';
    this.wasm.x.bernoulliXoshiro(ptr(out), perEntry ? ptr(p) : 0, perEntry ? 0 : p, out.size, words.ptr);
    rng.setStateWords(words.view);
  }

  private stateWords(): { ptr: number; view: Uint32Array } {
    const heap = (this.wasm as WasmRuntime).storage.kernels.heap;
    if (!this.rngWords) this.rngWords = { ptr: heap.alloc(16), view: new Uint32Array(0) };
    const w = this.rngWords;
    // a plain memory that grew has a new buffer (the old view reads as empty)
    if (w.view.length === 0 || w.view.buffer !== heap.memory.buffer)
      w.view = new Uint32Array(heap.memory.buffer, w.ptr, 4);
    return w;
  }

  protected kBernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void {
    ew.bernoulliFromUniform(data(out), uniforms, typeof p === 'number' ? p : data(p));
  }
}

/** Factory: `createCpuBackend()`. */
export function createCpuBackend(options?: CpuBackendOptions): CpuBackend {
  return new CpuBackend(options);
}
