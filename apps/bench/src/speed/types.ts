import type { RuleKey } from '@rfa/experiments';

/** A rule the speed bench times: any registered rule (the TensorFlow.js peer only implements some). */
export type SpeedRule = RuleKey;

/** One JSON row of `pnpm bench speed --json`. */
export interface SpeedRow {
  /** 'rfa-cpu' | 'rfa-cpu-fma' | 'rfa-gpu:<mode>' | 'tfjs-cpu' | 'tfjs-wasm' */
  impl: string;
  /** A rule key for training rows; 'gemm' for the (128×784)·(784×1000) product. */
  rule: SpeedRule | 'gemm';
  batch: number;
  /** Layer sizes joined by '-' ('784-1000-10'); 'M-K-N' of the product for gemm rows. */
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
  /** What ran: kernels, mode and renderer, wasm variant. */
  description: string;
}

/** Start values every implementation copies, so all train the same network. */
export interface InitialState {
  /** Per layer, [out, in] row-major (rfa's layout). */
  weights: Float32Array[];
  biases: Float32Array[];
  /** FA's B per layer, [in, out] (the shape of Wᵀ); null for layer 0 and for backprop. */
  feedback: (Float32Array | null)[];
}

/** One implementation's training loop, driven by the timer. */
export interface SpeedTrainer {
  readonly impl: string;
  /** Makes this implementation's device current (tfjs switches backend); called before each timing. */
  activate(): Promise<void>;
  /** One step on the next batch: forward, backward, update. `withLoss`: keep this step's loss for `loss()`. */
  step(withLoss: boolean): void;
  /** Loss of the last step run with `withLoss` (reads back, so it waits for queued work). */
  loss(): Promise<number>;
  dispose(): void;
}
