// Activations and their derivatives on f32x4, fused with the bias add.
// exp follows the classic Cephes expf scheme (x = n·ln2 + r, a degree-6
// polynomial in r, then scale by 2^n), good to a few ulp; logistic and tanh are
// written through t = exp(-|x|) ≤ 1 so nothing overflows and no derivative
// suffers cancellation (f'(x) = t/(1+t)² for logistic, 4t/(1+t)² for tanh).

const RELU = 0; // 1 is linear: f(x) = x, f'(x) = 1, the default path below
const LOGISTIC = 2;
const TANH = 3;

/** 1.5·2^23: adding it rounds an f32 of magnitude < 2^22 to an integer. */
const MAGIC: f32 = 12582912.0;

/** exp(z) for z ≤ 0 (inputs below -87 give ~1.6e-38 instead of a subnormal or 0). */
function expNonPositive(z: v128): v128 {
  // pmax is one maxps; max's NaN and ±0 rules cost V8 about eight instructions (z < -87 → -87; NaN stays NaN)
  const x = f32x4.pmax(z, f32x4.splat(-87.0));
  // n = round(x·log2 e) by adding 1.5·2^23: the sum's low mantissa bits hold n, which
  // also gives 2^n by integer ops below (cheaper than floor + trunc_sat, which V8 expands)
  const shifted = f32x4.add(f32x4.mul(x, f32x4.splat(<f32>Math.LOG2E)), f32x4.splat(MAGIC));
  const n = f32x4.sub(shifted, f32x4.splat(MAGIC));
  // r = x - n·ln2, ln2 split in two so r keeps its low bits
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.1219444e-4)));
  let p = f32x4.splat(1.98756915e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const y = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1));
  // bits of `shifted` are 0x4B400000 + n; + 127 and << 23 leave exactly (n + 127) << 23 = 2^n (n ≥ -126)
  const scale = i32x4.shl(i32x4.add(shifted, i32x4.splat(127)), 23);
  return f32x4.mul(y, scale);
}

/**
 * Over a rows×cols matrix: x = pre (+ bias per column, written back to pre when
 * bias ≠ 0); post = f(x) when post ≠ 0; derivative = f'(x) when derivative ≠ 0.
 * kind: 0 relu, 1 linear, 2 logistic, 3 tanh. cols % 4 leftovers run on a
 * padded 4-lane copy so every entry takes the same (vector) path.
 */
export function activation(
  kind: i32,
  pre: usize,
  bias: usize,
  post: usize,
  derivative: usize,
  rows: i32,
  cols: i32,
  pad: usize,
): void {
  for (let i = 0; i < rows; i++) {
    const base = (<usize>i * cols) << 2;
    for (let j = 0; j < cols; j += 4) {
      const o = base + ((<usize>j) << 2);
      const lanes = min(4, cols - j);
      let x: v128;
      if (lanes === 4) x = v128.load(pre + o);
      else {
        v128.store(pad, f32x4.splat(0));
        memory.copy(pad, pre + o, (<usize>lanes) << 2);
        x = v128.load(pad);
      }
      if (bias) {
        if (lanes === 4) x = f32x4.add(x, v128.load(bias + ((<usize>j) << 2)));
        else {
          memory.copy(pad, bias + ((<usize>j) << 2), (<usize>lanes) << 2);
          x = f32x4.add(x, v128.load(pad));
        }
      }
      let y = x;
      let d = f32x4.splat(1);
      if (kind === RELU) {
        const positive = f32x4.gt(x, f32x4.splat(0));
        y = v128.and(x, positive);
        d = v128.and(d, positive);
      } else if (kind === LOGISTIC) {
        const t = expNonPositive(v128.or(x, f32x4.splat(-0.0))); // -|x|: set the sign bit
        const onePlus = f32x4.add(f32x4.splat(1), t);
        const negative = f32x4.lt(x, f32x4.splat(0));
        // one division: y = 1/(1+t) (x ≥ 0) or t/(1+t) (x < 0), f' = t/(1+t)²
        const inv = f32x4.div(f32x4.splat(1), onePlus);
        const tInv = f32x4.mul(t, inv);
        y = v128.bitselect(tInv, inv, negative);
        d = f32x4.mul(tInv, inv);
      } else if (kind === TANH) {
        const ax = f32x4.abs(x);
        const t = expNonPositive(f32x4.mul(f32x4.splat(-2), ax));
        const onePlus = f32x4.add(f32x4.splat(1), t);
        // |x| ≥ 0.625: (1-t)/(1+t) with x's sign; below, 1-t would cancel: odd polynomial instead
        const large = v128.or(
          f32x4.div(f32x4.sub(f32x4.splat(1), t), onePlus),
          v128.and(x, f32x4.splat(-0.0)),
        );
        const z = f32x4.mul(x, x);
        let q = f32x4.splat(-5.70498872745e-3);
        q = f32x4.add(f32x4.mul(q, z), f32x4.splat(2.06390887954e-2));
        q = f32x4.add(f32x4.mul(q, z), f32x4.splat(-5.37397155531e-2));
        q = f32x4.add(f32x4.mul(q, z), f32x4.splat(1.33314422036e-1));
        q = f32x4.add(f32x4.mul(q, z), f32x4.splat(-3.33332819422e-1));
        const small = f32x4.add(f32x4.mul(f32x4.mul(q, z), x), x);
        const isSmall = f32x4.lt(ax, f32x4.splat(0.625));
        y = v128.bitselect(small, large, isSmall);
        const dLarge = f32x4.div(f32x4.mul(f32x4.splat(4), t), f32x4.mul(onePlus, onePlus));
        d = v128.bitselect(f32x4.sub(f32x4.splat(1), f32x4.mul(small, small)), dLarge, isSmall);
      }
      if (lanes === 4) {
        if (bias) v128.store(pre + o, x);
        if (post) v128.store(post + o, y);
        if (derivative) v128.store(derivative + o, d);
      } else {
        const bytes = (<usize>lanes) << 2;
        if (bias) {
          v128.store(pad, x);
          memory.copy(pre + o, pad, bytes);
        }
        if (post) {
          v128.store(pad, y);
          memory.copy(post + o, pad, bytes);
        }
        if (derivative) {
          v128.store(pad, d);
          memory.copy(derivative + o, pad, bytes);
        }
      }
    }
  }
}
