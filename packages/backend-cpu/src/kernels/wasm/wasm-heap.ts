import { UnsupportedError } from '@rfa/tensor';

const PAGE = 65536;
/**
 * Blocks start on a cache line. With 16-byte blocks the gemm's 32-byte tile rows
 * straddled lines or not depending on where a tensor landed, and the same
 * 784-1000-10 training loop ran at ~22 K or ~27 K examples/s from one layout to the next.
 */
const ALIGN = 64;

/**
 * Allocator over one WebAssembly.Memory, so tensors live where the kernels run
 * and no op copies between JS and wasm. Blocks are 64-byte aligned and recycled
 * through exact-size free lists (a training loop frees and asks for the same
 * sizes every step). Growing a plain memory detaches every view of its old
 * buffer, so the heap calls its `onGrow` listeners to re-derive them; a shared
 * memory never moves, and old views stay valid.
 */
export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  readonly shared: boolean;
  private top = ALIGN; // address 0 stays unused
  private readonly freeLists = new Map<number, number[]>();
  private readonly growListeners: Array<() => void> = [];

  constructor(memory: WebAssembly.Memory, shared: boolean) {
    this.memory = memory;
    this.shared = shared;
  }

  /** Bytes the memory spans now. */
  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /** Runs `listener` after every growth (re-derive views of a plain memory here). */
  onGrow(listener: () => void): void {
    this.growListeners.push(listener);
  }

  /** Reserves `bytes` (rounded up to 64) of zeroed memory; returns the address. */
  alloc(bytes: number): number {
    const size = roundUp(Math.max(bytes, 1));
    const list = this.freeLists.get(size);
    if (list && list.length > 0) {
      const ptr = list.pop() as number;
      new Uint8Array(this.memory.buffer, ptr, size).fill(0);
      return ptr;
    }
    const ptr = this.top;
    if (ptr + size > this.byteLength) this.grow(ptr + size);
    this.top = ptr + size;
    return ptr;
  }

  /** Returns a block from `alloc(bytes)`; its contents are garbage from now on. */
  free(ptr: number, bytes: number): void {
    const size = roundUp(Math.max(bytes, 1));
    const list = this.freeLists.get(size);
    if (list) list.push(ptr);
    else this.freeLists.set(size, [ptr]);
  }

  /** A Float32Array over `length` floats at `ptr` (valid until the next growth of a plain memory). */
  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  private grow(needed: number): void {
    // at least double, so a sequence of allocations grows O(log n) times
    const pages = (bytes: number) => Math.ceil((bytes - this.byteLength) / PAGE);
    try {
      this.memory.grow(pages(Math.max(needed, this.byteLength * 2)));
    } catch {
      // doubling passed the memory's maximum (2 GiB shared, 4 GiB plain): take only what is needed
      try {
        this.memory.grow(pages(needed));
      } catch {
        throw new UnsupportedError(
          `wasm memory: cannot grow to ${needed} bytes (the memory's maximum is reached)`,
        );
      }
    }
    for (const listener of this.growListeners) listener();
  }
}

const roundUp = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;
