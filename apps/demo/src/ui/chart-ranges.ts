// The y ranges of the live charts. uPlot 1.6.32 finds an axis's ticks by stepping from the
// range's bottom to its top; for two kinds of range the step rounds to nothing and the loop
// runs until the array of ticks overflows ("RangeError: Invalid array length"), which stops
// every later redraw of the page's charts. Both occur in live runs: a log range starting under
// about 1e-22 (a held-out NSE of 1e-25 is a float32 rounding away from an exact fit), and a
// linear range only a few float64 ulps wide (a metric flat but for rounding, e.g. 1 and
// 0.9999999999999999). These keep every range clear of both.

/** The lowest value a log chart shows: below it the axis is cut off (a curve runs off the bottom). */
export const LOG_FLOOR = 1e-20;

/** A log axis's range around [lo, hi]: ×0.9 below, ×1.1 above, its bottom at least `LOG_FLOOR`. */
export function logRange(lo: number, hi: number): [number, number] {
  const bottom = lo > LOG_FLOOR / 0.9 ? lo * 0.9 : LOG_FLOOR; // also for NaN, 0 and negatives
  const top = hi * 1.1 > bottom ? hi * 1.1 : bottom * 10;
  return [bottom, top];
}

/**
 * A linear axis's range around [lo, hi] with 5% of the span as room on each side; a span that
 * is zero or float noise (under 1e-12 of the values) counts as flat and gets 5% of the value
 * (1 around zero). No data (NaN, ±∞) gives [0, 1].
 */
export function linearRange(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  const span = hi - lo;
  const pad = span > size * 1e-12 ? span * 0.05 : size * 0.05 || 1;
  return [lo - pad, hi + pad];
}
