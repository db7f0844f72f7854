/**
 * Central finite differences in float64: g_i ≈ (f(x + h e_i) − f(x − h e_i)) / 2h.
 * `f` may read `x` in place; it is restored after each probe.
 */
export function finiteDifferenceGradient(
  f: (x: Float64Array) => number,
  x: Float64Array,
  h = 1e-3,
): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const saved = x[i];
    x[i] = saved + h;
    const up = f(x);
    x[i] = saved - h;
    const down = f(x);
    x[i] = saved;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

export interface GradientCheckResult {
  /** max_i |a_i − n_i| / max(|a_i| + |n_i|, floor) */
  maxRelativeError: number;
  worstIndex: number;
  analytic: Float64Array;
  numeric: Float64Array;
}

/**
 * Compares an analytic gradient with finite differences of `f` at `x`.
 * The floor keeps entries that are both ~0 from dominating the relative error.
 */
export function checkGradient(
  f: (x: Float64Array) => number,
  x: Float64Array,
  analytic: ArrayLike<number>,
  options: { h?: number; floor?: number } = {},
): GradientCheckResult {
  const numeric = finiteDifferenceGradient(f, x, options.h ?? 1e-3);
  const floor = options.floor ?? 1e-4;
  const a = Float64Array.from(analytic);
  let worst = 0;
  let worstIndex = -1;
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - numeric[i]) / Math.max(Math.abs(a[i]) + Math.abs(numeric[i]), floor);
    if (err > worst) {
      worst = err;
      worstIndex = i;
    }
  }
  return { maxRelativeError: worst, worstIndex, analytic: a, numeric };
}
