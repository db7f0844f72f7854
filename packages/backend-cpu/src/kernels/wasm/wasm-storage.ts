import ndarray, { type NdArray } from 'ndarray';
import type { WasmKernels } from './wasm-instance.js';

/** A tensor's storage in wasm memory: an ndarray over a view at `ptr`. */
export type WasmHandle = NdArray<Float32Array> & { ptr: number };

/**
 * Tensor storage inside the kernels' WebAssembly memory, so the wasm kernels
 * work in place and the JS kernels work on views of the same bytes: no op copies.
 * When a plain (unshared) memory grows its old buffer is detached, so every live
 * handle gets a fresh view; views handed out earlier (`hostView`) go stale then.
 */
export class WasmStorage {
  readonly kernels: WasmKernels;
  private readonly live = new Set<WasmHandle>();

  constructor(kernels: WasmKernels) {
    this.kernels = kernels;
    if (!kernels.heap.shared) kernels.heap.onGrow(() => this.rederiveViews());
  }

  allocate(size: number): WasmHandle {
    const ptr = this.kernels.heap.alloc(4 * size);
    const handle = ndarray(this.kernels.heap.f32(ptr, size)) as WasmHandle;
    handle.ptr = ptr;
    if (!this.kernels.heap.shared) this.live.add(handle);
    return handle;
  }

  free(handle: WasmHandle): void {
    this.kernels.heap.free(handle.ptr, 4 * handle.data.length);
    this.live.delete(handle);
  }

  private rederiveViews(): void {
    for (const h of this.live) h.data = this.kernels.heap.f32(h.ptr, h.size);
  }
}
