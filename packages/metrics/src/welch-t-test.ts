import { LengthError } from '@rfa/tensor';
import type { HostArray } from './host-array.js';
import { studentTTwoSidedP } from './student-t.js';
import { mean, sampleVariance } from './summary.js';

/** Result of Welch's t-test. */
export interface WelchTTestResult {
  /** `(mean(a) - mean(b)) / sqrt(var(a)/na + var(b)/nb)`; positive when a's mean is larger. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value, `P(|T| >= |t|)`. */
  p: number;
}

/**
 * Welch's unequal-variance t-test of two independent samples (e.g. the final errors of
 * 20 runs of two rules), two-sided. Each sample needs at least 2 values (LengthError).
 * If both samples have zero variance: equal means give t = df = p = NaN; different
 * means give t = ±Infinity, df = NaN, p = 0.
 *
 * @example
 * welchTTest(errorsBackprop, errorsFeedbackAlignment); // { t, df, p }
 */
export function welchTTest(a: HostArray, b: HostArray): WelchTTestResult {
  if (a.length < 2) throw new LengthError(`welchTTest: sample a has ${a.length} values; needs at least 2`);
  if (b.length < 2) throw new LengthError(`welchTTest: sample b has ${b.length} values; needs at least 2`);
  const squaredErrorA = sampleVariance(a) / a.length;
  const squaredErrorB = sampleVariance(b) / b.length;
  const combined = squaredErrorA + squaredErrorB;
  const difference = mean(a) - mean(b);
  if (combined === 0) {
    if (difference === 0 || Number.isNaN(difference)) return { t: Number.NaN, df: Number.NaN, p: Number.NaN };
    return { t: difference > 0 ? Infinity : -Infinity, df: Number.NaN, p: 0 };
  }
  const t = difference / Math.sqrt(combined);
  const df =
    (combined * combined) /
    ((squaredErrorA * squaredErrorA) / (a.length - 1) + (squaredErrorB * squaredErrorB) / (b.length - 1));
  const p = Number.isNaN(t) || Number.isNaN(df) ? Number.NaN : studentTTwoSidedP(t, df);
  return { t, df, p };
}
