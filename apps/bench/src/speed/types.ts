import type { RuleKey } from '@rfa/experiments';

/** A rule the speed bench times: any registered rule (the TensorFlow.js peer only implements some). */
export type SpeedRule = RuleKey;

/** One JSON row of `pnpm bench speed --json`. */
export interface SpeedRow {
  /**
   * Node: 'rfa-cpu' | 'rfa-cpu-1t' | 'rfa-cpu-fma' | 'rfa-gpu:<mode>' | 'tfjs-cpu' | 'tfjs-wasm';
   * browser (`--browser`): 'rfa-cpu-<n>t' | 'rfa-cpu-<n>t-fma' | 'rfa-gpu:<mode>' | 'tfjs-wasm-<n>t' | 'tfjs-wasm-1t-simd' | 'tfjs-webgl' | 'tfjs-webgpu'.
   */
  impl: string;
  /** CPU threads the implementation computes on; absent for GPU rows. */
  threads?: number;
  /** GPU rows: the adapter or renderer is a software one (SwiftShader, llvmpipe), not a GPU. */
  softwareGpu?: boolean;
  /** Where it ran: 'node' or 'chromium <version>'. */
  engine?: string;
  /** A rule key for training rows; 'gemm' for the (128×784)·(784×1000) product. */
  rule: SpeedRule | 'gemm';
  batch: number;
  /** Layer sizes joined by '-' ('784-1000-10'); 'lenet' for `--workload lenet`; 'M-K-N' of the product for gemm rows. */
  layers: string;
  /** Median over rounds; for gemm rows, rows of the product per second. */
  examplesPerSecond: number;
  /** gemm rows only. */
  gflops?: number;
  /** Training rows: loss of the first warm-up step, and the mean loss of the steps read in the last timed round (proof the loop learns). */
  lossFirst?: number;
  lossLast?: number;
  /** Examples per second of every round, in order. */
  rounds: number[];
  /** (max − min) / median of `rounds`, a fraction. */
  spread?: number;
  /** What ran: kernels, mode and renderer, wasm variant. */
  description: string;
}
