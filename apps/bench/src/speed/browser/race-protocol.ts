import type { InitialState } from '@rfa/experiments/internal';
import type { SpeedWorkload } from '../workload.js';

/** What one race worker trains, and what the page tells it per configuration. */
export interface RaceCase {
  workload: SpeedWorkload;
  sizes: number[];
  rule: string;
  batch: number;
  learningRate: number;
  seed: number;
  /** Rows of the example block (every worker draws the same block from `seed`). */
  blockRows: number;
  lossEvery: number;
}

/** One implementation a worker hosts. */
export interface RaceEntry {
  impl: string;
  /** CPU threads; absent for GPU backends. */
  threads?: number;
  /** The GPU adapter or renderer is software (SwiftShader, llvmpipe). */
  softwareGpu?: boolean;
  description: string;
}

/** What a worker started: its implementations, and a line per one that could not start. */
export interface RaceStart {
  entries: RaceEntry[];
  skipped: string[];
}

/** The calls the page makes on a race worker (through comlink). */
export interface RaceWorkerApi {
  start(config: unknown): Promise<RaceStart>;
  /**
   * Makes this case's trainers, beside those of the other rules' cases already prepared;
   * `state` null: draws the start values and returns them.
   */
  prepare(c: RaceCase, state: InitialState | null): Promise<{ impls: string[]; state: InitialState | null }>;
  activate(rule: string, impl: string): Promise<void>;
  /** Trains `impl` on `rule`'s case for about `seconds`; examples per second. */
  run(rule: string, impl: string, seconds: number): Promise<number>;
  losses(rule: string, impl: string): { lossFirst: number; lossLast: number };
  /** Disposes every prepared case's trainers. */
  release(): void;
}

/** Options the bench passes to the page's `rfaRace`. */
export interface RaceOptions {
  workload: SpeedWorkload;
  sizes: number[];
  batches: number[];
  rules: string[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  lossEvery: number;
  learningRate: number;
  seed: number;
  /** N of the N-thread rows (rfa-cpu and tfjs-wasm alike). */
  threads: number;
  /** gpu.js modes for rfa-gpu; they pick tfjs's GPU backends too (webgl2/webgl: webgl, webgpu: webgpu). */
  gpuModes: string[];
  /** Log every timed run. */
  verbose?: boolean;
}

/** One measured row, as the page returns it (the bench adds layers and engine). */
export interface RaceRow {
  impl: string;
  threads?: number;
  softwareGpu?: boolean;
  rule: string;
  batch: number;
  rounds: number[];
  lossFirst: number;
  lossLast: number;
  description: string;
}

export interface RaceResult {
  rows: RaceRow[];
  skipped: string[];
  userAgent: string;
  crossOriginIsolated: boolean;
}
