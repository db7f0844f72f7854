import type { Activation, GemmPlan, Rng, Tensor, UpdateProjectPlan, WindowGeometry } from '@rfa/tensor';
import type { BinaryOp } from '../elementwise.js';
import { JsKernelSet } from '../js-kernel-set.js';
import { type CpuHandle, rowsCols } from '../kernel-set.js';
import { ACTIVATION_CODES, type WasmRuntime } from './wasm-runtime.js';
import type { WasmHandle } from './wasm-storage.js';

const ptr = (t: Tensor): number => (t.handle as WasmHandle).ptr;
const BINARY_CODES: Record<BinaryOp, number> = { add: 0, sub: 1, mul: 2, div: 3 };

/**
 * The WebAssembly SIMD kernels: tensors live in one wasm memory, gemm runs as a
 * packed f32x4 kernel (on worker threads when large), and the elementwise, row, sum,
 * activation, Bernoulli and window (im2col, col2im, pooling) kernels run in wasm on the tensors in place. The kernels
 * without a wasm version (unary, clamp, greater, argmax, softmax) are the JS set's,
 * run on views of the same memory, so no op copies.
 */
export class WasmKernelSet extends JsKernelSet {
  override readonly kind = 'wasm' as const;
  private readonly wasm: WasmRuntime;
  /** f64 accumulators of the column sum, in wasm memory (grown on demand). */
  private columnScratch = { ptr: 0, bytes: 0 };
  /** The generator's four state words in wasm memory, and a view of them (re-taken after growth). */
  private rngWords: { ptr: number; view: Uint32Array } | null = null;

  constructor(wasm: WasmRuntime) {
    super();
    this.wasm = wasm;
  }

  override whenReady(): Promise<number> {
    return this.wasm.pool.whenReady();
  }

  override dispose(): void {
    this.wasm.pool.dispose();
  }

  override allocate(size: number): CpuHandle {
    return this.wasm.storage.allocate(size);
  }

  override free(handle: CpuHandle): void {
    this.wasm.storage.free(handle as WasmHandle);
  }

  /** The kernels need the values in wasm memory: one copy (by the backend), none per op later. */
  override adopt(): CpuHandle | null {
    return null;
  }

  override gemm(c: Tensor, a: Tensor, b: Tensor, p: GemmPlan): void {
    this.wasm.gemm.run(ptr(c), ptr(a), ptr(b), p.m, p.n, p.k, p.transA, p.transB, p.alpha, p.beta);
  }

  /** One pass over W for both products where they take the few-row path. */
  updateThenProject(w: Tensor, d: Tensor, s: Tensor, x: Tensor, y: Tensor, p: UpdateProjectPlan): void {
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

  override binary(op: BinaryOp, out: Tensor, a: Tensor, b: Tensor): void {
    this.wasm.x.binary(BINARY_CODES[op], ptr(out), ptr(a), ptr(b), out.size);
  }

  override scaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void {
    this.wasm.x.scaleShift(ptr(out), ptr(a), out.size, scale, shift);
  }

  override axpy(y: Tensor, alpha: number, x: Tensor): void {
    this.wasm.x.axpy(ptr(y), ptr(x), y.size, alpha);
  }

  override addRowVector(out: Tensor, a: Tensor, row: Tensor): void {
    this.wasm.x.addRowVector(ptr(out), ptr(a), ptr(row), ...rowsCols(a));
  }

  /** Column sums (the bias step of every update) in one f64x2 pass; row sums in JS. */
  override sum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    if (axis === 1) {
      super.sum(out, a, axis);
      return;
    }
    const [r, c] = rowsCols(a);
    const scratch = this.columnScratch;
    if (scratch.bytes < 8 * c) {
      const heap = this.wasm.storage.kernels.heap;
      if (scratch.bytes > 0) heap.free(scratch.ptr, scratch.bytes);
      scratch.bytes = 8 * c;
      scratch.ptr = heap.alloc(scratch.bytes);
    }
    this.wasm.x.sumColumns(ptr(out), ptr(a), r, c, scratch.ptr);
  }

  override activate(out: Tensor, a: Tensor, activation: Activation): void {
    if (activation === 'softmax') super.activate(out, a, activation);
    else this.fused(activation, ptr(a), 0, ptr(out), 0, ...rowsCols(a));
  }

  override activationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    if (activation === 'softmax') super.activationDerivative(out, pre, activation);
    else this.fused(activation, ptr(pre), 0, 0, ptr(out), ...rowsCols(pre));
  }

  override biasActivation(
    pre: Tensor,
    bias: Tensor,
    post: Tensor,
    activation: Activation,
    derivative?: Tensor,
  ): void {
    if (activation === 'softmax') {
      super.biasActivation(pre, bias, post, activation, derivative);
      return;
    }
    const d = derivative ? ptr(derivative) : 0;
    this.fused(activation, ptr(pre), ptr(bias), ptr(post), d, ...rowsCols(pre));
  }

  override im2col(cols: Tensor, x: Tensor, g: WindowGeometry): void {
    this.wasm.window.run('im2col', g, ptr(cols), ptr(x), 0, (cols.size + x.size) / g.batch);
  }

  override col2im(x: Tensor, cols: Tensor, g: WindowGeometry): void {
    this.wasm.window.run('col2im', g, ptr(x), ptr(cols), 0, (cols.size + x.size) / g.batch);
  }

  override maxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void {
    this.wasm.window.run('maxPool', g, ptr(out), ptr(x), ptr(argmax), (2 * out.size + x.size) / g.batch);
  }

  override maxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void {
    this.wasm.window.run(
      'maxPoolBackward',
      g,
      ptr(dx),
      ptr(dy),
      ptr(argmax),
      (2 * dy.size + dx.size) / g.batch,
    );
  }

  override avgPool(out: Tensor, x: Tensor, g: WindowGeometry): void {
    this.wasm.window.run('avgPool', g, ptr(out), ptr(x), 0, (out.size + x.size) / g.batch);
  }

  override avgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void {
    this.wasm.window.run('avgPoolBackward', g, ptr(dx), ptr(dy), 0, (dy.size + dx.size) / g.batch);
  }

  /** The uniforms are drawn in the kernel itself, continuing `rng`'s stream (no array of uniforms). */
  bernoulli(out: Tensor, rng: Rng, p: number | Tensor): void {
    const words = this.stateWords();
    rng.stateWords(words.view);
    const perEntry = typeof p !== 'number';
    this.wasm.x.bernoulliXoshiro(ptr(out), perEntry ? ptr(p) : 0, perEntry ? 0 : p, out.size, words.ptr);
    rng.setStateWords(words.view);
  }

  /** One fused SIMD pass: pre (+= bias), post = f, derivative = f' (0 pointers skip a part). */
  private fused(
    activation: Exclude<Activation, 'softmax'>,
    pre: number,
    bias: number,
    post: number,
    d: number,
    r: number,
    c: number,
  ): void {
    this.wasm.activation.run(ACTIVATION_CODES[activation], pre, bias, post, d, r, c);
  }

  private stateWords(): { ptr: number; view: Uint32Array } {
    const heap = this.wasm.storage.kernels.heap;
    if (!this.rngWords) this.rngWords = { ptr: heap.alloc(16), view: new Uint32Array(0) };
    const w = this.rngWords;
    // a plain memory that grew has a new buffer (the old view reads as empty)
    if (w.view.length === 0 || w.view.buffer !== heap.memory.buffer)
      w.view = new Uint32Array(heap.memory.buffer, w.ptr, 4);
    return w;
  }
}
