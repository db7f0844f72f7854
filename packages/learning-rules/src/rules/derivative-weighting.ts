import type { Backend, Tensor } from '@rfa/tensor';
import { OptionError } from '@rfa/tensor';

/**
 * How a hidden unit weights its modulator in its own update, `δ = m ∘ w(a)`: its exact
 * derivative `f′(a)` (default), or a coarse positive stand-in. The paper: "rough
 * approximations of this weighting function work nearly as well as the exact version".
 * - `constant`: `w = value` everywhere.
 * - `step`: two levels, `high` where `f′(a) > threshold` (the unit is in its sensitive
 *   range) and `low` elsewhere.
 */
export type DerivativeWeighting =
  | { kind: 'exact' }
  | { kind: 'constant'; value: number }
  | { kind: 'step'; threshold: number; high: number; low: number };

/** Checks a weighting; OptionError names the bad field. */
export function checkWeighting(rule: string, w: DerivativeWeighting | undefined): DerivativeWeighting {
  const weighting = w ?? { kind: 'exact' };
  const positive = (name: string, v: unknown) => {
    if (!(typeof v === 'number' && v > 0 && Number.isFinite(v)))
      throw new OptionError(`${rule}: derivative.${name} must be a positive number, got ${String(v)}`);
  };
  if (weighting.kind === 'constant') positive('value', weighting.value);
  else if (weighting.kind === 'step') {
    positive('high', weighting.high);
    positive('low', weighting.low);
    if (!(weighting.threshold >= 0))
      throw new OptionError(`${rule}: derivative.threshold must be ≥ 0, got ${weighting.threshold}`);
  } else if (weighting.kind !== 'exact')
    throw new OptionError(
      `${rule}: derivative.kind must be 'exact', 'constant' or 'step', got ${String((weighting as { kind: unknown }).kind)}`,
    );
  return weighting;
}

/**
 * The weighting of each hidden layer for this step: the cache's derivatives themselves for
 * 'exact', else buffers of `scratch` (made once per batch size) filled from them.
 */
export function weightings(
  backend: Backend,
  weighting: DerivativeWeighting,
  derivatives: readonly (Tensor | null)[],
  scratch: Map<number, (Tensor | null)[]>,
): readonly (Tensor | null)[] {
  if (weighting.kind === 'exact') return derivatives;
  const batch = derivatives.find((d) => d)?.shape[0] ?? 0;
  let out = scratch.get(batch);
  if (!out) {
    out = derivatives.map((d) => (d ? backend.zeros(d.shape) : null));
    scratch.set(batch, out);
  }
  derivatives.forEach((d, l) => {
    const w = out![l];
    if (!d || !w) return;
    if (weighting.kind === 'constant') backend.fill(w, weighting.value);
    else {
      // low + (high − low)·[f′ > threshold]
      backend.greater(w, d, weighting.threshold);
      backend.scale(w, w, weighting.high - weighting.low);
      backend.addScalar(w, w, weighting.low);
    }
  });
  return out;
}
