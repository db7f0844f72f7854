import { describe, expect, it } from 'vitest';
import { expectClose, expectEqual, MismatchError } from './expect-close.js';
import { checkGradient, finiteDifferenceGradient } from './gradient-check.js';
import { refGemm, refGemmFrom } from './reference.js';

describe('expectClose', () => {
  it('accepts within atol + rtol·|expected|, rejects outside, and names the worst entries', () => {
    expect(() => expectClose([1.000001, 2], [1, 2], { atol: 0, rtol: 2e-6 })).not.toThrow();
    expect(() => expectClose([1.00001, 2], [1, 2], { atol: 0, rtol: 2e-6 }, 'probe')).toThrow(MismatchError);
    expect(() => expectClose([1.00001, 2], [1, 2], { atol: 0, rtol: 2e-6 }, 'probe')).toThrow(
      /probe: 1 of 2.*\[0\] got 1\.00001/,
    );
    expect(() => expectClose([Number.NaN], [Number.NaN])).not.toThrow();
    expect(() => expectClose([0], [Number.NaN])).toThrow(MismatchError);
    expect(() => expectClose([1, 2], [1])).toThrow(/length/);
    expect(() => expectEqual([3], [3.0000001])).toThrow(MismatchError);
  });

  it('uses the per-element bound when given (gemm style)', () => {
    expect(() => expectClose([1e-3], [0], { atol: 0, rtol: 1e-3 }, 'x', [1])).not.toThrow();
    expect(() => expectClose([1e-3], [0], { atol: 0, rtol: 1e-3 }, 'x')).toThrow(MismatchError);
  });
});

describe('finite-difference gradient checker', () => {
  it('recovers the closed-form gradient of f(x) = Σ x_i³ + x_0 x_1', () => {
    const x = Float64Array.from([0.5, -1.2, 2]);
    const f = (v: Float64Array) => v.reduce((s, xi) => s + xi ** 3, 0) + v[0] * v[1];
    const exact = [3 * 0.25 - 1.2, 3 * 1.44 + 0.5, 12];
    const g = finiteDifferenceGradient(f, x, 1e-5);
    exact.forEach((e, i) => {
      expect(g[i]).toBeCloseTo(e, 6);
    });
    // central differences of x³ err by exactly h² (f‴ = 6): 1e-6 at the default h = 1e-3
    expect(checkGradient(f, x, exact).maxRelativeError).toBeLessThan(1e-5);
    expect(checkGradient(f, x, [exact[0], exact[1] * 1.01, exact[2]]).worstIndex).toBe(1);
  });
});

describe('float64 reference gemm', () => {
  it('computes alpha·op(A)·op(B) + beta·C on a hand-worked 2×2 case, all transposes', () => {
    const a = [1, 2, 3, 4];
    const b = [5, 6, 7, 8];
    const c = new Float64Array([1, 1, 1, 1]);
    refGemm(c, a, b, 2, 2, 2, false, false, 1, 1);
    expect(Array.from(c)).toEqual([20, 23, 44, 51]);
    const ct = new Float64Array(4);
    refGemm(ct, a, b, 2, 2, 2, true, true, 2, 0);
    // Aᵀ·Bᵀ = [[1,3],[2,4]]·[[5,7],[6,8]] = [[23,31],[34,46]]
    expect(Array.from(ct)).toEqual([46, 62, 68, 92]);
  });

  it('refGemmFrom starts from a copy of C0 (its first m·n entries) and leaves C0 alone', () => {
    const c0 = new Float32Array([1, 1, 1, 1, 9]);
    const c = refGemmFrom(c0, [1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2, false, false, 1, 2);
    expect(Array.from(c)).toEqual([21, 24, 45, 52]);
    expect(Array.from(c0)).toEqual([1, 1, 1, 1, 9]);
  });
});
