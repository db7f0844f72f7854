// Math.atan2 is not specified to the last bit, and V8 versions differ (Node 20 and a current
// Chromium give angles one ulp apart). This arctangent uses only +, −, ×, ÷ and √, which
// IEEE 754 rounds exactly, so every engine returns the same bits.

const SQRT3 = Math.sqrt(3);
const PI_6 = Math.PI / 6;
const PI_2 = Math.PI / 2;
const TAN_PI_12 = 2 - SQRT3;
/** Series terms: after reduction |u| ≤ tan(π/12) ≈ 0.268, so u²ⁿ falls below 1e-17 by n = 15. */
const TERMS = 16;

/** arctan(t) for t in [0, 1], from the alternating series after reducing t by π/6. */
function atanUnit(t: number): number {
  let offset = 0;
  let u = t;
  if (t > TAN_PI_12) {
    // atan(t) = π/6 + atan((√3·t − 1) / (t + √3))
    offset = PI_6;
    u = (SQRT3 * t - 1) / (t + SQRT3);
  }
  return offset + u * hornerAlternating(u * u);
}

/** Σ_{k<TERMS} (−1)^k x^k / (2k+1), by Horner's rule. */
function hornerAlternating(x: number): number {
  let acc = 0;
  for (let k = TERMS - 1; k >= 0; k--) acc = (k % 2 === 0 ? 1 : -1) / (2 * k + 1) + x * acc;
  return acc;
}

/**
 * `atan2(y, x)` for y, x ≥ 0 (an angle in [0, π/2]), the same bits in every JavaScript
 * engine; NaN when either is NaN or both are 0.
 * @example
 * portableAtan2(1, 1); // π/4
 */
export function portableAtan2(y: number, x: number): number {
  if (!(y >= 0 && x >= 0) || (y === 0 && x === 0)) return Number.NaN;
  if (y === Infinity || x === Infinity) return y === x ? Number.NaN : y === Infinity ? PI_2 : 0;
  return y <= x ? atanUnit(y / x) : PI_2 - atanUnit(x / y);
}
