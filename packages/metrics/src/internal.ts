/**
 * @rfa/metrics/internal — the special functions behind the p-values, for tools and
 * tests. Not part of the public API: anything here may change or go in any release.
 */
export { regularizedIncompleteBeta } from './incomplete-beta.js';
export { logGamma } from './log-gamma.js';
