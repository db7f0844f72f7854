import ndarray from 'ndarray';
import type { Backend } from './backend.js';
import { ShapeError } from './errors.js';
import type { Tensor } from './tensor.js';

/**
 * The parts of a scijs `ndarray` that rfa reads and writes. Any `ndarray` fits it; it is
 * declared here so that rfa's published types need no `@types/ndarray`.
 */
export interface NdArrayLike<D extends ArrayLike<number> = ArrayLike<number>> {
  readonly data: D;
  readonly shape: number[];
  readonly stride: number[];
  readonly offset: number;
  readonly size: number;
  get(...index: number[]): number;
  set(...indexThenValue: number[]): number;
}

/**
 * Views a tensor as an ndarray. On a host backend (`hostView`) this shares the
 * storage: no copy, and writes through the view change the tensor. Elsewhere it
 * reads the values back (a copy).
 */
export function toNdarray(t: Tensor): NdArrayLike<Float32Array> {
  t.assertLive('toNdarray');
  const data = t.backend.hostView ? t.backend.hostView(t) : t.readSync();
  return ndarray(data, [...t.shape]);
}

function isRowMajorContiguous(nd: NdArrayLike): boolean {
  let expected = 1;
  for (let d = nd.shape.length - 1; d >= 0; d--) {
    if (nd.shape[d] !== 1 && nd.stride[d] !== expected) return false;
    expected *= nd.shape[d];
  }
  return true;
}

/**
 * Makes a tensor from an ndarray of rank 1 or 2. A contiguous, row-major
 * Float32Array that spans the whole buffer is adopted without a copy where the
 * backend can (`adopt`); anything else (views, strides, other dtypes) is copied.
 */
export function fromNdarray(backend: Backend, nd: NdArrayLike): Tensor {
  if (nd.shape.length < 1 || nd.shape.length > 2) {
    throw new ShapeError(`fromNdarray: rank must be 1 or 2, got shape [${nd.shape.join(',')}]`);
  }
  const shape = [...nd.shape];
  const data = nd.data as unknown;
  if (
    backend.adopt &&
    data instanceof Float32Array &&
    nd.offset === 0 &&
    data.length === nd.size &&
    isRowMajorContiguous(nd)
  ) {
    return backend.adopt(data, shape);
  }
  const out = new Float32Array(nd.size);
  let i = 0;
  if (shape.length === 1) {
    for (let a = 0; a < shape[0]; a++) out[i++] = nd.get(a);
  } else {
    for (let a = 0; a < shape[0]; a++) for (let b = 0; b < shape[1]; b++) out[i++] = nd.get(a, b);
  }
  return backend.fromArray(out, shape);
}
