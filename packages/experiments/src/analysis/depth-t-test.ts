import { welchTTest } from '@rfa/metrics';
import type { AggregateRun } from '../types.js';

/** One rule's deeper-vs-shallower comparison of final held-out NSE. */
export interface DepthComparison {
  deeper: string;
  shallower: string;
  meanDeeper: number;
  meanShallower: number;
  /** Welch's t of (deeper − shallower): negative when the deeper net has the lower error. */
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Seeds on each side. */
  nDeeper: number;
  nShallower: number;
  deeperBetter: boolean;
}

const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/**
 * Fig. 3d's test: for each `[rule, deeperRule]` pair, Welch's t-test of the final NSE
 * over seeds, 4-layer vs 3-layer. A pair with fewer than 2 finite values on a side is
 * reported with a reason instead of numbers. Results are keyed by the shallower rule, or by
 * the deeper one with `keyBy: 'deeper'` (when several pairs share the shallower rule).
 */
export function depthTTests(
  results: Record<string, AggregateRun>,
  pairs: [shallower: string, deeper: string][],
  metric = 'nse',
  keyBy: 'shallower' | 'deeper' = 'shallower',
): Record<string, DepthComparison | { skipped: string }> {
  const out: Record<string, DepthComparison | { skipped: string }> = {};
  for (const [shallower, deeper] of pairs) {
    const key = keyBy === 'deeper' ? deeper : shallower;
    const a = results[deeper]?.perSeed[metric] ?? [];
    const b = results[shallower]?.perSeed[metric] ?? [];
    if (a.length < 2 || b.length < 2) {
      out[key] = {
        skipped: `needs ≥ 2 finite ${metric} values per depth, got ${a.length} (${deeper}) and ${b.length} (${shallower})`,
      };
      continue;
    }
    const { t, df, p } = welchTTest(a, b);
    const [meanDeeper, meanShallower] = [mean(a), mean(b)];
    out[key] = {
      deeper,
      shallower,
      meanDeeper,
      meanShallower,
      t,
      df,
      p,
      nDeeper: a.length,
      nShallower: b.length,
      deeperBetter: meanDeeper < meanShallower,
    };
  }
  return out;
}
