import uPlot from 'uplot';

// The y ranges of the live charts. uPlot 1.6.32 finds an axis's ticks by stepping from the
// range's bottom to its top, and for some ranges the step never gets there: the loop runs until
// its array of ticks overflows ("RangeError: Invalid array length") and the chart stays blank.
// Seen in a live fig2 run: a log axis whose range started at 0.0096 (the smallest NSE × 0.9);
// uPlot's log ticks assume a range snapped to powers of ten, as its own `rangeLog` gives, and
// even snapped they loop for a range starting below about 1e-22. On a linear axis, a range only
// a few float64 ulps wide (a metric flat but for rounding, 1 and 0.9999999999999999) loops too.

/** The lowest value a log chart shows: below it the axis is cut off (a curve runs off the bottom). */
export const LOG_FLOOR = 1e-20;

/** A log axis's range around [lo, hi]: whole powers of ten (uPlot's `rangeLog`), from `LOG_FLOOR` at the lowest. */
export function logRange(lo: number, hi: number): [number, number] {
  const bottom = lo > LOG_FLOOR ? lo : LOG_FLOOR; // also for NaN, 0 and negatives
  const top = hi > bottom ? hi : bottom;
  return uPlot.rangeLog(bottom, top, 10, true) as [number, number];
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
