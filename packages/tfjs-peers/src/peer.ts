import type * as Tf from '@tensorflow/tfjs-core';

/** The TensorFlow.js module the trainers compute with (handed in, so the same code runs in Node and in a browser worker). */
export type TfModule = typeof Tf;

/** One TensorFlow.js backend a peer trains on, with what actually ran. */
export interface TfjsPeer {
  /** 'tfjs-cpu', 'tfjs-wasm' in Node; in the browser race also 'tfjs-wasm-<n>t', 'tfjs-webgl', 'tfjs-webgpu'. */
  impl: string;
  /** The name tfjs registered the backend under ('cpu', 'wasm', 'webgl', 'webgpu'). */
  backendName: string;
  /** For people: which kernels ran (wasm: SIMD or not, threads). */
  note: string;
  /** CPU threads its kernels run on (GPU backends: 0). */
  threads: number;
}

/** A loaded TensorFlow.js with the peers that started. */
export interface TfjsRuntime {
  tf: TfModule;
  version: string;
  peers: TfjsPeer[];
}
