import { Rng, scope } from '@rfa/tensor';
import { expectClose } from '../expect-close.js';
import { GEMM_LARGE, GEMM_SIZES, randomArray } from '../fixtures.js';
import { refGemm } from '../reference.js';
import type { ConformanceCase } from './types.js';

const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** alpha/beta pairs: plain product, scaled accumulate, and beta 0 over NaN garbage (must be ignored). */
const SCALARS: { alpha: number; beta: number; nanC?: boolean }[] = [
  { alpha: 1, beta: 0, nanC: true },
  { alpha: -0.5, beta: 1 },
  { alpha: 2, beta: 0.25 },
];

function gemmCase(
  m: number,
  n: number,
  k: number,
  transA: boolean,
  transB: boolean,
  alpha: number,
  beta: number,
  nanC = false,
): ConformanceCase {
  const label = `gemm ${transA ? 'Aᵀ' : 'A'}·${transB ? 'Bᵀ' : 'B'} ${m}×${n}×${k} α=${alpha} β=${beta}${nanC ? ' (C=NaN)' : ''}`;
  return {
    name: label,
    group: 'gemm',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const aShape = transA ? [k, m] : [m, k];
      const bShape = transB ? [n, k] : [k, n];
      const aData = randomArray(rng, aShape);
      const bData = randomArray(rng, bShape);
      const cData = nanC ? new Float32Array(m * n).fill(Number.NaN) : randomArray(rng, [m, n]);
      const expected = Float64Array.from(cData);
      const bound = new Float64Array(m * n);
      refGemm(expected, aData, bData, m, n, k, transA, transB, alpha, beta, bound);
      const c = scope(() => {
        const a = backend.fromArray(aData, aShape);
        const b = backend.fromArray(bData, bShape);
        const out = backend.fromArray(cData, [m, n]);
        backend.gemm(out, a, b, { transA, transB, alpha, beta });
        return out;
      });
      const got = await c.read();
      c.dispose();
      expectClose(got, expected, ctx.tolerance.gemm, label, bound);
    },
  };
}

export function gemmCases(large: boolean): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [m, n, k] of GEMM_SIZES) {
    for (const [ta, tb] of TRANSPOSES) {
      for (const s of SCALARS) cases.push(gemmCase(m, n, k, ta, tb, s.alpha, s.beta, s.nanC));
    }
  }
  if (large) {
    const [m, n, k] = GEMM_LARGE;
    cases.push(gemmCase(m, n, k, false, false, 1, 0));
    cases.push(gemmCase(m, n, k, false, true, 1, 0));
    cases.push(gemmCase(n, k, m, true, false, 0.01, 0.999));
  }
  return cases;
}
