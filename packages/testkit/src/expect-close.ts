/** Tolerance of a comparison: |actual − expected| ≤ atol + rtol · |expected|. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/** Thrown by the checks of this package; the message shows the worst entries. */
export class MismatchError extends Error {
  override name = 'MismatchError';
}

/**
 * The one tolerance check of rfa. Compares element by element, NaN equal only to
 * NaN, and reports the first few offending indices with both values.
 * `bound` (optional, per element) replaces |expected| as the scale of the relative term.
 */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Partial<Tolerance> = {},
  label = 'values',
  bound?: ArrayLike<number>,
): void {
  const { atol = 1e-6, rtol = 1e-5 } = tolerance;
  if (actual.length !== expected.length) {
    throw new MismatchError(`${label}: length ${actual.length} vs expected ${expected.length}`);
  }
  const bad: string[] = [];
  let count = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    const scale = bound ? bound[i] : Math.abs(e);
    const ok = Math.abs(a - e) <= atol + rtol * scale;
    if (!ok) {
      count++;
      if (bad.length < 5)
        bad.push(`[${i}] got ${a}, expected ${e} (|diff| ${Math.abs(a - e).toExponential(2)})`);
    }
  }
  if (count > 0) {
    throw new MismatchError(
      `${label}: ${count} of ${expected.length} outside atol ${atol}, rtol ${rtol}: ${bad.join('; ')}`,
    );
  }
}

/** Exact equality, for integer-valued results (argmax, masks, random bits). */
export function expectEqual(actual: ArrayLike<number>, expected: ArrayLike<number>, label = 'values'): void {
  expectClose(actual, expected, { atol: 0, rtol: 0 }, label);
}
