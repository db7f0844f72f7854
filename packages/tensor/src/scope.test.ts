import { describe, expect, it } from 'vitest';
import type { Backend } from './backend.js';
import { keep, scope } from './scope.js';
import { Tensor } from './tensor.js';

/** Just enough backend for lifecycle tests: counts releases. */
function fakeBackend() {
  const released: number[] = [];
  const backend = { name: 'fake', release: (t: Tensor) => released.push(t.id) } as unknown as Backend;
  return { backend, released, make: () => new Tensor(backend, [2], new Float32Array(2)) };
}

describe('scope', () => {
  it('disposes what was made inside, except returned (nested in arrays/objects) and kept tensors', () => {
    const { make, released } = fakeBackend();
    let temp!: Tensor;
    let kept!: Tensor;
    const result = scope(() => {
      temp = make();
      kept = keep(make());
      return { a: [make()], b: make() };
    });
    expect(temp.disposed).toBe(true);
    expect(kept.disposed).toBe(false);
    expect(result.a[0].disposed || result.b.disposed).toBe(false);
    expect(released).toEqual([temp.id]);
  });

  it('nests: a tensor returned from an inner scope belongs to the outer one', () => {
    const { make } = fakeBackend();
    let inner!: Tensor;
    scope(() => {
      inner = scope(() => make());
      expect(inner.disposed).toBe(false);
    });
    expect(inner.disposed).toBe(true);
  });

  it('disposes temporaries when the function throws', () => {
    const { make } = fakeBackend();
    let temp!: Tensor;
    expect(() =>
      scope(() => {
        temp = make();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(temp.disposed).toBe(true);
  });
});
