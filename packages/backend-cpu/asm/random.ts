// Random draws in place, continuing @rfa/tensor's Rng (xoshiro128**) bit for bit, so a
// seeded run gives the same spikes with these kernels as with the JS ones.

/**
 * out[i] = 1 if the i-th uniform is below p[i] (p = 0: below `pScalar`), else 0. The
 * generator's four state words are read from `state` and written back advanced by n;
 * each uniform is (x >>> 8)·2^-24 of the next output x, as `Rng.uniform()` draws it, and
 * is compared in f64 (exact for both operands), as JavaScript compares them.
 */
export function bernoulliXoshiro(out: usize, p: usize, pScalar: f64, n: i32, state: usize): void {
  let s0 = load<u32>(state);
  let s1 = load<u32>(state, 4);
  let s2 = load<u32>(state, 8);
  let s3 = load<u32>(state, 12);
  for (let i = 0; i < n; i++) {
    const x = rotl<u32>(s1 * 5, 7) * 9;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl<u32>(s3, 11);
    const u = <f64>(x >>> 8) * (1.0 / 16777216.0);
    const o = (<usize>i) << 2;
    const q = p === 0 ? pScalar : <f64>load<f32>(p + o);
    // the comparison's 0/1 converted, not a select between 1 and 0: V8 compiles a float
    // select to a branch, which p near 1/2 mispredicts half the time (3× the whole draw)
    store<f32>(out + o, <f32>(u < q));
  }
  store<u32>(state, s0);
  store<u32>(state, s1, 4);
  store<u32>(state, s2, 8);
  store<u32>(state, s3, 12);
}
