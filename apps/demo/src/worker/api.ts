import type { SpeedOptions, SpeedResult } from '@rfa/experiments';
import type { SpikeTrace } from '@rfa/spiking';
import type { RunSettings } from '../app/run-settings.js';
import type { RuleGuess } from './live-models.js';
import type { TileImage } from './tile-image.js';

/** Which backend runs, as the page shows it. */
interface BackendInfo {
  mode: string;
  description: string;
  fallback?: string;
}

/** How one rule's run with one seed ended. */
export interface RuleEnd {
  rule: string;
  seed: number;
  final: Record<string, number>;
  divergence?: { atStep: number; reason: string; restoredFromStep: number };
}

/** What the worker sends the page, coalesced (at most every ~60 ms). */
export interface RunUpdate {
  status?: string;
  backend?: BackendInfo;
  /** New curve points, per rule and seed, in order. */
  points: { rule: string; seed: number; point: Record<string, number> }[];
  progress?: { done: number; total: number };
  /** While a data set downloads: the file, which of how many, and its bytes so far of the total (NaN: not known). */
  /** A data set's download: its name ('Fashion-MNIST'), the file, which of how many, its bytes. */
  loading?: { dataset: string; file: string; index: number; files: number; received: number; total: number };
  ends: RuleEnd[];
  /** First-layer weights of each rule as tile images (see `tileImage`). */
  tiles?: { rule: string; kind: 'dense' | 'conv'; units: number; image: TileImage }[];
  /** Fig. 4's traces since the last message (`@rfa/spiking`'s `TraceRecorder`), and the output layer's classes. */
  raster?: { trace: SpikeTrace; classes: number };
  /** The run stopped on an error (a failed MNIST download, a backend that broke). */
  error?: string;
  /** The run is over (done, stopped or failed). */
  finished?: boolean;
}

/** Test images with each network's guess (see `DemoWorkerApi.strip`). */
export interface TestStrip {
  images: Float32Array[];
  labels: number[];
  /** Per image, each rule's guess. */
  guesses: { rule: string; guess: number }[][];
}

/**
 * What the run's backend holds now (`Backend.memory()`): live tensors, and for the GPU
 * backend the device's storage objects and the textures its WebGL context holds (null where
 * it has none to count: the CPU backend, WebGPU).
 */
export interface BackendHoldings {
  mode: string;
  tensors: number;
  deviceBuffers: number | null;
  glTextures: number | null;
}

/** The worker's surface, called from the page through comlink. */
export interface DemoWorkerApi {
  /** Starts a run; `onUpdate` receives its progress. Resolves when it has started. */
  start(settings: RunSettings, dataUrl: string, onUpdate: (u: RunUpdate) => void): Promise<void>;
  pause(): void;
  resume(): void;
  step(): void;
  setStepsPerFrame(n: number): void;
  /** Stops the run (its models stay for guesses) and resolves when it has. */
  stop(): Promise<void>;
  /** Each network's guess for a drawn digit (784 values in [0, 1]). */
  guess(pixels: Float32Array): Promise<RuleGuess[]>;
  /** The first `count` test images (784 values each), their labels and each network's guess; null before a data set with images has loaded. */
  strip(count: number): Promise<TestStrip | null>;
  /** What the current run's backend holds (null before the first run): a soak reads it for leaks. */
  backendMemory(): BackendHoldings | null;
  /** Throughput of the CPU backend on `threads` threads (default 1). */
  measureSpeed(o: SpeedOptions & { threads?: number }): Promise<SpeedResult>;
}
