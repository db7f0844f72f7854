import { LengthError } from '@rfa/tensor';
import type { HostArray } from './host-array.js';

function checkNonEmpty(op: string, values: HostArray): void {
  if (values.length === 0) throw new LengthError(`${op}: values is empty`);
}

/**
 * Arithmetic mean in float64. Throws LengthError for an empty array.
 *
 * @example
 * mean([1, 2, 3, 4]); // 2.5
 */
export function mean(values: HostArray): number {
  checkNonEmpty('mean', values);
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k];
  return sum / values.length;
}

/**
 * Sample variance with the n - 1 (Bessel) denominator, two-pass in float64.
 * One value gives NaN (the spread of one run is unknown, not zero); empty throws LengthError.
 *
 * @example
 * sampleVariance([1, 2, 3, 4]); // 1.6667
 */
export function sampleVariance(values: HostArray): number {
  checkNonEmpty('sampleVariance', values);
  const n = values.length;
  if (n === 1) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (let k = 0; k < n; k++) squares += (values[k] - m) * (values[k] - m);
  return squares / (n - 1);
}

/**
 * Sample standard deviation (n - 1 denominator). One value gives NaN; empty throws LengthError.
 *
 * @example
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138
 */
export function standardDeviation(values: HostArray): number {
  return Math.sqrt(sampleVariance(values));
}

/** Mean, sample s.d. (n - 1) and count of a set of runs. */
export interface Summary {
  mean: number;
  sd: number;
  n: number;
}

/**
 * Mean, sample standard deviation and count, e.g. of the test error of 20 runs.
 *
 * @example
 * summarize([0.021, 0.022, 0.020]); // { mean: 0.021, sd: 0.001, n: 3 }
 */
export function summarize(values: HostArray): Summary {
  return { mean: mean(values), sd: standardDeviation(values), n: values.length };
}
