import type { Backend } from './backend.js';
import { DisposedError } from './errors.js';
import { globalState } from './global-state.js';
import { trackInScope } from './scope.js';
import { type Shape, sizeOf } from './shape.js';

// Ids are unique across every loaded copy of this package.
const ids = globalState('tensor-ids/v1', () => ({ next: 1 }));

/**
 * A float32, row-major array of rank 1 or 2, owned by one backend. The backend
 * decides where the numbers live (`handle`): a Float32Array on the CPU, a texture
 * or buffer on a GPU. Create tensors through a backend (`backend.zeros`,
 * `backend.fromArray`), never with `new`.
 */
export class Tensor {
  readonly id = ids.next++;
  readonly shape: Shape;
  readonly size: number;
  readonly backend: Backend;
  /** Backend-private storage. Only the owning backend reads it. */
  handle: unknown;
  /** For a view (`reshapeView`): the tensor that owns the storage; null for a tensor that owns its own. */
  readonly base: Tensor | null;
  private live = true;

  constructor(backend: Backend, shape: Shape, handle: unknown, base: Tensor | null = null) {
    this.backend = backend;
    this.shape = Object.freeze([...shape]);
    this.size = sizeOf(shape);
    this.handle = handle;
    this.base = base;
    trackInScope(this);
  }

  get rows(): number {
    return this.shape.length === 1 ? 1 : this.shape[0];
  }

  get cols(): number {
    return this.shape.length === 1 ? this.shape[0] : this.shape[1];
  }

  /** True once this tensor was disposed, or, for a view, once the tensor it views was. */
  get disposed(): boolean {
    return !this.live || this.base?.disposed === true;
  }

  /** Throws DisposedError if the tensor (or the tensor it views) was disposed; `op` names the caller. */
  assertLive(op: string): void {
    if (!this.live)
      throw new DisposedError(`${op}: tensor #${this.id} [${this.shape.join(',')}] was disposed`);
    if (this.base?.disposed)
      throw new DisposedError(
        `${op}: tensor #${this.id} [${this.shape.join(',')}] is a view of tensor #${this.base.id}, which was disposed`,
      );
  }

  /** Copies the values to the host. Always available. */
  async read(): Promise<Float32Array> {
    this.assertLive('read');
    return this.backend.read(this);
  }

  /** Copies the values to the host synchronously; throws UnsupportedError where the backend can't. */
  readSync(): Float32Array {
    this.assertLive('readSync');
    return this.backend.readSync(this);
  }

  /** Releases the storage (a view only stops working: the storage stays with its base). Idempotent. */
  dispose(): void {
    if (!this.live) return;
    this.live = false;
    if (this.base === null) this.backend.release(this);
    this.handle = null;
  }
}
