import type { Backend } from '@rfa/tensor';
import type { Tolerance } from '../expect-close.js';

/** What a backend reaches; the suite's checks use these bounds. */
export interface ConformanceTolerance {
  /** add, sub, mul, div, scale, axpy, clamp, row vectors: one float32 rounding */
  elementwise: Tolerance;
  /** exp, log, tanh, logistic, softmax, sqrt and derivatives */
  transcendental: Tolerance;
  /** gemm: |C − ref| ≤ atol + rtol · (|α|·|A||B| + |β C₀|) elementwise */
  gemm: Tolerance;
  /** sums along an axis */
  reduction: Tolerance;
}

/** Float32 with float64 accumulation, as the JS CPU kernels compute. */
export const CPU_TOLERANCE: ConformanceTolerance = {
  elementwise: { atol: 1e-30, rtol: 1.2e-7 },
  transcendental: { atol: 1e-7, rtol: 1e-6 },
  gemm: { atol: 1e-30, rtol: 1e-6 },
  reduction: { atol: 1e-6, rtol: 1e-6 },
};

export interface ConformanceContext {
  tolerance: ConformanceTolerance;
  /** Seed for the case's random data. */
  seed: number;
}

export interface ConformanceCase {
  /** Unique, stable name: 'gemm A·Bᵀ 33×65×31'. */
  name: string;
  /** Group for reporting and skipping: 'gemm', 'elementwise', ... */
  group: string;
  run: (backend: Backend, ctx: ConformanceContext) => Promise<void>;
}

export interface ConformanceOptions {
  tolerance?: Partial<ConformanceTolerance>;
  /** Case names or group names to skip, each with its reason (reported, never silent). */
  skip?: Record<string, string>;
  /** Include the large gemm case (default true). */
  large?: boolean;
}
