import { OptionError } from '@rfa/tensor';

// Lanczos approximation with g = 7 and nine coefficients (P. Godfrey's published set;
// see Numerical Recipes 3rd ed. §6.1 for the method). Relative error about 1e-15.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of the gamma function for x > 0, in float64.
 *
 * @example
 * logGamma(5); // log(24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new OptionError(`logGamma: x must be > 0, got ${x}`);
  if (x === Infinity) return Infinity;
  // Reflection Γ(x)Γ(1-x) = π / sin(πx) keeps the series in its accurate range.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
