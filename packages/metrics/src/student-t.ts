import { OptionError } from '@rfa/tensor';
import { regularizedIncompleteBeta } from './incomplete-beta.js';

function checkDegreesOfFreedom(op: string, df: number): void {
  if (!(df > 0) || df === Infinity)
    throw new OptionError(`${op}: degrees of freedom must be finite and > 0, got ${df}`);
}

/**
 * Two-sided tail probability of Student's t: `P(|T| >= |t|)` with `df` degrees of freedom
 * (df may be fractional, as Welch's df is). Uses `P = I_{df/(df+t²)}(df/2, 1/2)`
 * (Abramowitz & Stegun 26.7.1), so tiny p-values keep their relative precision.
 *
 * @example
 * studentTTwoSidedP(2.228, 10); // ≈ 0.05
 */
export function studentTTwoSidedP(t: number, df: number): number {
  checkDegreesOfFreedom('studentTTwoSidedP', df);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  const tt = t * t;
  return regularizedIncompleteBeta(df / (df + tt), df / 2, 0.5, tt / (df + tt));
}

/**
 * Cumulative distribution function of Student's t, `P(T <= t)`, for df > 0.
 *
 * @example
 * studentTCdf(0, 5); // 0.5
 */
export function studentTCdf(t: number, df: number): number {
  checkDegreesOfFreedom('studentTCdf', df);
  if (Number.isNaN(t)) return Number.NaN;
  const tail = 0.5 * studentTTwoSidedP(t, df);
  return t < 0 ? tail : 1 - tail;
}
