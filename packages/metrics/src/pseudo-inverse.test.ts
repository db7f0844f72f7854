import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { pseudoInverse } from './pseudo-inverse.js';

const matmul = (a: ArrayLike<number>, b: ArrayLike<number>, n: number, k: number, m: number) =>
  Float64Array.from({ length: n * m }, (_, i) => {
    let s = 0;
    for (let t = 0; t < k; t++) s += a[Math.floor(i / m) * k + t] * b[t * m + (i % m)];
    return s;
  });

describe('pseudoInverse', () => {
  it('closed form: a scaled selection matrix', () => {
    expect(Array.from(pseudoInverse([1, 0, 0, 2, 0, 0], 3, 2))).toEqual([1, 0, 0, 0, 0.5, 0]);
  });

  it('satisfies B⁺B = I and B B⁺ B = B for a random 7 × 3 matrix', () => {
    let seed = 3;
    const rand = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    const b = Float64Array.from({ length: 21 }, rand);
    const p = pseudoInverse(b, 7, 3);
    const identity = matmul(p, b, 3, 7, 3);
    for (let i = 0; i < 9; i++) expect(identity[i]).toBeCloseTo(i % 4 === 0 ? 1 : 0, 12);
    const back = matmul(b, identity, 7, 3, 3);
    for (let i = 0; i < 21; i++) expect(back[i]).toBeCloseTo(b[i], 12);
  });

  it('refuses dependent columns and a wide matrix', () => {
    expect(() => pseudoInverse([1, 2, 2, 4, 3, 6], 3, 2)).toThrow(OptionError);
    expect(() => pseudoInverse([1, 2, 3, 4, 5, 6], 2, 3)).toThrow(/rows ≥ cols/);
  });
});
