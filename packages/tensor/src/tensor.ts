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
  private live = true;

  constructor(backend: Backend, shape: Shape, handle: unknown) {
    this.backend = backend;
    this.shape = Object.freeze([...shape]);
    this.size = sizeOf(shape);
    this.handle = handle;
    trackInScope(this);
  }

  get rows(): number {
    return this.shape.length === 1 ? 1 : this.shape[0];
  }

  get cols(): number {
    return this.shape.length === 1 ? this.shape[0] : this.shape[1];
  }

  get disposed(): boolean {
    return !this.live;
  }

  /** Throws DisposedError if the tensor was disposed; `op` names the caller. */
  assertLive(op: string): void {
    if (!this.live)
      throw new DisposedError(`${op}: tensor #${this.id} [${this.shape.join(',')}] was disposed`);
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

  /** Releases the storage. Idempotent. */
  dispose(): void {
    if (!this.live) return;
    this.live = false;
    this.backend.release(this);
    this.handle = null;
  }
}
