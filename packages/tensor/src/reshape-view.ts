import { ShapeError } from './errors.js';
import { checkShape, formatShape, type Shape, sizeOf } from './shape.js';
import { Tensor } from './tensor.js';

/**
 * The same storage under another shape of the same size, without copying: writes through
 * either tensor are seen by both. Disposing the view does not free the storage; disposing
 * the tensor it views (its `base`) does, and any later use of the view throws
 * `DisposedError`. A view of a view shares the original's storage.
 * @example
 * const y = backend.zeros([batch, outH * outW * outC]); // NHWC images
 * const rows = reshapeView(y, [batch * outH * outW, outC]); // one row per pixel, for gemm
 */
export function reshapeView(t: Tensor, shape: Shape): Tensor {
  if (t === null || typeof t !== 'object' || !('shape' in t))
    throw new ShapeError(`reshapeView: expected a Tensor, got ${String(t)}`);
  t.assertLive('reshapeView');
  checkShape('reshapeView', shape);
  if (sizeOf(shape) !== t.size)
    throw new ShapeError(
      `reshapeView: ${formatShape(shape)} holds ${sizeOf(shape)} entries but tensor #${t.id} ${formatShape(t.shape)} holds ${t.size}`,
    );
  return new Tensor(t.backend, shape, t.handle, t.base ?? t);
}

/** True when `a` and `b` share storage (the same tensor, or views of one storage). */
export function sameStorage(a: Tensor, b: Tensor): boolean {
  return a === b || (a.handle !== null && a.handle === b.handle);
}
