import { Rng, scope } from '@rfa/tensor';
import { expectClose } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import { refGemm } from '../reference.js';
import type { ConformanceCase } from './types.js';

/**
 * (n, m, p, q): W [n, m] updated by a rank-p product, then read by q rows. Degenerate,
 * odd, not multiples of 4 or 8, and the spiking network's 10 images side by side
 * (p = q = 10), where the CPU backend fuses the two products.
 */
const SIZES: [number, number, number, number][] = [
  [1, 1, 1, 1],
  [5, 3, 2, 4],
  [33, 17, 10, 10],
  [130, 129, 10, 7],
  [67, 41, 3, 12],
];
const LARGE: [number, number, number, number] = [1500, 784, 10, 10];

/** (alpha, beta, outAlpha, outBeta): a decayed update into a leaky potential, and outBeta 0 over NaN. */
const SCALARS: { alpha: number; beta: number; outAlpha: number; outBeta: number; nanY?: boolean }[] = [
  { alpha: 1e-2, beta: 1 - 1e-3, outAlpha: 0.9, outBeta: 0.1 },
  { alpha: -0.5, beta: 1, outAlpha: 1, outBeta: 0, nanY: true },
];

function updateProjectCase(
  [n, m, p, q]: [number, number, number, number],
  s: (typeof SCALARS)[number],
): ConformanceCase {
  const label = `updateThenProject W ${n}×${m}, rank ${p}, ${q} rows, α=${s.alpha} β=${s.beta} α′=${s.outAlpha} β′=${s.outBeta}${s.nanY ? ' (Y=NaN)' : ''}`;
  return {
    name: label,
    group: 'gemm',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const [wData, dData, sData, xData] = [
        randomArray(rng, [n, m]),
        randomArray(rng, [p, n]),
        randomArray(rng, [p, m]),
        randomArray(rng, [q, m]),
      ];
      const yData = s.nanY ? new Float32Array(q * n).fill(Number.NaN) : randomArray(rng, [q, n]);
      // float64 reference: the update, then the product through the updated W
      const w64 = Float64Array.from(wData);
      const wBound = new Float64Array(n * m);
      refGemm(w64, dData, sData, n, m, p, true, false, s.alpha, s.beta, wBound);
      const y64 = Float64Array.from(yData);
      const yBound = new Float64Array(q * n);
      refGemm(y64, xData, w64, q, n, m, false, true, s.outAlpha, s.outBeta, yBound);
      const [w, y] = scope(() => {
        const w = backend.fromArray(wData, [n, m]);
        const y = backend.fromArray(yData, [q, n]);
        backend.updateThenProject(
          w,
          backend.fromArray(dData, [p, n]),
          backend.fromArray(sData, [p, m]),
          backend.fromArray(xData, [q, m]),
          y,
          s,
        );
        return [w, y];
      });
      const [gotW, gotY] = [await w.read(), await y.read()];
      w.dispose();
      y.dispose();
      expectClose(gotW, w64, ctx.tolerance.gemm, `${label}: W`, wBound);
      expectClose(gotY, y64, ctx.tolerance.gemm, `${label}: Y`, yBound);
    },
  };
}

export function updateProjectCases(large: boolean): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const size of SIZES) for (const s of SCALARS) cases.push(updateProjectCase(size, s));
  if (large) cases.push(updateProjectCase(LARGE, SCALARS[0]));
  return cases;
}
