import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import type { Backend } from './backend.js';
import { ShapeError } from './errors.js';
import { fromNdarray, toNdarray } from './ndarray-interop.js';
import type { Shape } from './shape.js';
import { Tensor } from './tensor.js';

/** A host backend with only what the interop needs: storage is the handle itself. */
function hostBackend() {
  const calls = { adopt: 0, fromArray: 0 };
  const backend: Partial<Backend> = {
    name: 'host',
    release: () => {},
    hostView: (t: Tensor) => t.handle as Float32Array,
    readSync: (t: Tensor) => (t.handle as Float32Array).slice(),
    adopt: (data: Float32Array, shape: Shape) => {
      calls.adopt++;
      return new Tensor(backend as Backend, shape, data);
    },
    fromArray: (data: ArrayLike<number>, shape: Shape) => {
      calls.fromArray++;
      return new Tensor(backend as Backend, shape, Float32Array.from(data));
    },
  };
  return { backend: backend as Backend, calls };
}

describe('ndarray interop', () => {
  it('toNdarray shares a host tensor’s storage (writes go through)', () => {
    const { backend } = hostBackend();
    const t = new Tensor(backend, [2, 3], new Float32Array([1, 2, 3, 4, 5, 6]));
    const nd = toNdarray(t);
    expect(nd.shape).toEqual([2, 3]);
    expect(nd.get(1, 2)).toBe(6);
    nd.set(0, 1, 42);
    expect((t.handle as Float32Array)[1]).toBe(42);
  });

  it('fromNdarray adopts contiguous row-major float32 data and copies views', () => {
    const { backend, calls } = hostBackend();
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const adopted = fromNdarray(backend, ndarray(data, [2, 3]));
    expect(adopted.handle).toBe(data);
    expect(calls.adopt).toBe(1);
    const transposed = fromNdarray(backend, ndarray(data, [2, 3]).transpose(1, 0));
    expect(Array.from(transposed.handle as Float32Array)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(transposed.shape).toEqual([3, 2]);
    expect(calls.fromArray).toBe(1);
    expect(() => fromNdarray(backend, ndarray(new Float32Array(8), [2, 2, 2]))).toThrow(ShapeError);
  });
});
