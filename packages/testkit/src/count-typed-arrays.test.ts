import { describe, expect, it } from 'vitest';
import { countTypedArrays } from './count-typed-arrays.js';

describe('countTypedArrays', () => {
  it('counts the typed arrays made while the function runs, not views, and restores the classes', () => {
    const buffer = new Float32Array(8);
    const OriginalFloat32Array = Float32Array;
    expect(
      countTypedArrays(() => {
        new Float32Array(4);
        new Float64Array(2);
        Int32Array.from([1, 2]);
        buffer.subarray(2, 4); // a view: nothing copied, not counted
      }),
    ).toBe(3);
    expect(countTypedArrays(() => buffer.fill(1))).toBe(0);
    expect(Float32Array).toBe(OriginalFloat32Array);
    expect(new Float32Array(1)).toBeInstanceOf(OriginalFloat32Array);
  });

  it('restores the classes when the function throws', () => {
    const OriginalInt32Array = Int32Array;
    expect(() =>
      countTypedArrays(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Int32Array).toBe(OriginalInt32Array);
  });
});
