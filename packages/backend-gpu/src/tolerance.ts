import type { ConformanceTolerance } from '@rfa/testkit';

/**
 * What the GPU modes reach (measured on Mesa llvmpipe and SwiftShader):
 * float32 everywhere, accumulation in float32 (gemm, sums), and the driver's own
 * exp/log. The gemm bound is relative to |α|·|A||B| + |β C₀| per entry.
 */
export const GPU_TOLERANCE: Partial<ConformanceTolerance> = {
  elementwise: { atol: 1e-30, rtol: 2.4e-7 },
  transcendental: { atol: 1e-6, rtol: 1e-5 },
  gemm: { atol: 1e-30, rtol: 1e-5 },
  reduction: { atol: 1e-5, rtol: 1e-5 },
};

/** gpu.js webasm and cpu modes: float32 arithmetic in wasm/JS, float32 accumulation. */
export const WEBASM_TOLERANCE: Partial<ConformanceTolerance> = { ...GPU_TOLERANCE };

/**
 * A conv net's weights after each of a few training steps, GPU against CPU: float32 on both
 * sides, sums in different orders, so a few float32 ulps per op drift in at each step.
 */
export const CONV_STEP_TOLERANCE = { atol: 1e-5, rtol: 20 * (GPU_TOLERANCE.gemm?.rtol ?? 1e-5) };
