import { welchTTest } from '@rfa/metrics';
import type { AggregateRun } from '../types.js';

/** One rule's all-layers-learn vs W0-frozen comparison of a final metric (Supp. Fig. 6). */
export interface FrozenW0Comparison {
  learning: string;
  frozen: string;
  meanLearning: number;
  meanFrozen: number;
  /** Welch's t of (frozen − learning): positive when freezing W0 raises the error. */
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
  nLearning: number;
  nFrozen: number;
  /** Whether the net whose W0 learns ends with the lower error (W0's updates helped). */
  w0UpdatesHelp: boolean;
}

const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/**
 * Supplementary Fig. 6's claim: a rule makes effective updates in the layer furthest from the
 * output when freezing that layer, W0, leaves the net worse. For each `[learning, frozen]`
 * pair, Welch's t-test of the final `metric` over seeds, keyed by the learning rule; a pair
 * with fewer than 2 finite values on a side gets a reason instead of numbers.
 */
export function frozenW0TTests(
  results: Record<string, AggregateRun>,
  pairs: [learning: string, frozen: string][],
  metric = 'nse',
): Record<string, FrozenW0Comparison | { skipped: string }> {
  const out: Record<string, FrozenW0Comparison | { skipped: string }> = {};
  for (const [learning, frozen] of pairs) {
    const a = results[frozen]?.perSeed[metric] ?? [];
    const b = results[learning]?.perSeed[metric] ?? [];
    if (a.length < 2 || b.length < 2) {
      out[learning] = {
        skipped: `needs ≥ 2 finite ${metric} values per run, got ${b.length} (${learning}) and ${a.length} (${frozen})`,
      };
      continue;
    }
    const { t, df, p } = welchTTest(a, b);
    const [meanFrozen, meanLearning] = [mean(a), mean(b)];
    out[learning] = {
      learning,
      frozen,
      meanLearning,
      meanFrozen,
      t,
      df,
      p,
      nLearning: b.length,
      nFrozen: a.length,
      w0UpdatesHelp: meanLearning < meanFrozen,
    };
  }
  return out;
}
