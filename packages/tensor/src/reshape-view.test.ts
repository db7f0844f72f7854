import { describe, expect, it } from 'vitest';
import type { Backend } from './backend.js';
import { DisposedError, ShapeError } from './errors.js';
import { reshapeView, sameStorage } from './reshape-view.js';
import { Tensor } from './tensor.js';

/** A backend that only records releases: the view must never release its base's storage. */
function fakeBackend() {
  const released: number[] = [];
  const backend = { name: 'fake', release: (t: Tensor) => released.push(t.id) } as unknown as Backend;
  return { backend, released };
}

describe('reshapeView', () => {
  it('shares the handle under the new shape; a view of a view points at the owner', () => {
    const { backend } = fakeBackend();
    const storage = { floats: new Float32Array(12) };
    const base = new Tensor(backend, [2, 6], storage);
    const rows = reshapeView(base, [4, 3]);
    const flat = reshapeView(rows, [12]);
    expect(rows.shape).toEqual([4, 3]);
    expect([rows.rows, rows.cols, rows.size]).toEqual([4, 3, 12]);
    expect(rows.handle).toBe(storage);
    expect(rows.base).toBe(base);
    expect(flat.base).toBe(base);
    expect(sameStorage(flat, base)).toBe(true);
    expect(sameStorage(base, new Tensor(backend, [2, 6], { floats: new Float32Array(12) }))).toBe(false);
  });

  it('disposing the view frees nothing; disposing the base makes the view throw DisposedError', () => {
    const { backend, released } = fakeBackend();
    const base = new Tensor(backend, [2, 6], {});
    const view = reshapeView(base, [3, 4]);
    view.dispose();
    expect(released).toEqual([]);
    expect(view.disposed).toBe(true);
    expect(base.disposed).toBe(false);
    const other = reshapeView(base, [12]);
    base.dispose();
    expect(released).toEqual([base.id]);
    expect(other.disposed).toBe(true);
    expect(() => other.assertLive('gemm')).toThrow(DisposedError);
    expect(() => other.assertLive('gemm')).toThrow(/is a view of tensor #\d+, which was disposed/);
    expect(() => reshapeView(base, [12])).toThrow(DisposedError);
  });

  it('refuses another size or a bad shape with a ShapeError naming both shapes', () => {
    const { backend } = fakeBackend();
    const base = new Tensor(backend, [2, 6], {});
    expect(() => reshapeView(base, [5, 2])).toThrow(ShapeError);
    expect(() => reshapeView(base, [5, 2])).toThrow(
      /\[5,2\] holds 10 entries but tensor #\d+ \[2,6\] holds 12/,
    );
    expect(() => reshapeView(base, [2, 3, 2])).toThrow(/rank 1 or 2/);
    expect(() => reshapeView(null as never, [12])).toThrow(/expected a Tensor/);
  });
});
