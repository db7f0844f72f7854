// The race worker for TensorFlow.js: its wasm backend on a set thread count, and optionally webgl and webgpu.
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { type TfjsPeer, tfjsTrainers } from '@rfa/tfjs-peers';
import { type SpeedWorkload, TFJS_STEP_DENSE, TFJS_STEP_IMAGE } from '../workload.js';
import { ContenderHost, exposeRaceWorker } from './contender-host.js';
import { describeGpu, webglRenderer, webgpuAdapter } from './gpu-adapter.js';
import type { RaceEntry, RaceStart } from './race-protocol.js';

export interface TfjsWorkerConfig {
  /** Threads for tfjs-wasm, set with its `setThreadsCount` before the backend starts; 0: no wasm row. */
  wasmThreads: number;
  /**
   * Load tfjs-backend-wasm-simd.wasm (one thread, what a page without cross-origin isolation
   * gets) instead of the threaded build; only with `wasmThreads` 1.
   */
  unthreaded?: boolean;
  /** GPU backends to time: 'webgl', 'webgpu' (one per worker: a failing WebGPU device takes its worker down). */
  gpu: ('webgl' | 'webgpu')[];
  /** URL of the folder holding tfjs-backend-wasm's .wasm binaries. */
  wasmPrefix: string;
  /** What the race trains (the step this worker writes in tf ops differs). */
  workload: SpeedWorkload;
}

const peers: { entry: RaceEntry; peer: TfjsPeer }[] = [];

async function start(config: TfjsWorkerConfig): Promise<RaceStart> {
  const skipped: string[] = [];
  tf.enableProdMode();
  const version = `TensorFlow.js ${tf.version_core}`;
  const how = `prod mode; ${config.workload === 'lenet' ? TFJS_STEP_IMAGE : TFJS_STEP_DENSE}`;
  if (config.wasmThreads > 0) await startWasm(config, version, how);
  skipped.push(...(await startGpu(config.gpu, version, how)));
  return { entries: peers.map((p) => p.entry), skipped };
}

async function startWasm(config: TfjsWorkerConfig, version: string, how: string): Promise<void> {
  wasm.setWasmPaths(config.wasmPrefix);
  if (config.unthreaded) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // tfjs-wasm 4.22 sizes its pthread pool from half of navigator.hardwareConcurrency (it assumes
  // two hyperthreads per core) and caps setThreadsCount there: on a 2-core machine it gives 1
  // thread whatever is asked. So this worker reports twice the threads asked for as its cores,
  // and the check below proves the count took.
  const cores = navigator.hardwareConcurrency;
  if (config.wasmThreads > Math.max(1, Math.floor(cores / 2)))
    Object.defineProperty(Object.getPrototypeOf(navigator), 'hardwareConcurrency', {
      get: () => 2 * config.wasmThreads,
      configurable: true,
    });
  wasm.setThreadsCount(config.wasmThreads);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs-wasm: the wasm backend did not start');
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threaded = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const threads = wasm.getThreadsCount();
  // the count must have taken: a row labelled N threads that ran on another count would mislead
  if (threads !== config.wasmThreads)
    throw new Error(
      `tfjs-wasm: asked setThreadsCount(${config.wasmThreads}), getThreadsCount() says ${threads} (SIMD ${simd}, threaded build ${threaded}, crossOriginIsolated ${self.crossOriginIsolated})`,
    );
  const binary = `tfjs-backend-wasm${threaded ? '-threaded' : ''}${simd ? '-simd' : ''}.wasm`;
  const impl = `tfjs-wasm-${threads}t${config.unthreaded ? '-simd' : ''}`;
  peers.push({
    entry: {
      impl,
      threads,
      description: `${version} wasm backend (${binary}, SIMD ${simd ? 'on' : 'off'}, setThreadsCount(${config.wasmThreads}) → getThreadsCount() ${threads}${navigator.hardwareConcurrency !== cores ? `; navigator.hardwareConcurrency shown to it as ${navigator.hardwareConcurrency}, not ${cores}, as its pool is half that` : ''}), ${how}`,
    },
    peer: { impl, backendName: 'wasm', note: binary, threads },
  });
}

async function startGpu(names: ('webgl' | 'webgpu')[], version: string, how: string): Promise<string[]> {
  const skipped: string[] = [];
  for (const name of names) {
    const device = name === 'webgl' ? webglRenderer() : await webgpuAdapter();
    if (!device) {
      skipped.push(
        `tfjs-${name}: skipped, no ${name === 'webgl' ? 'WebGL2 context' : 'WebGPU adapter'} here`,
      );
      continue;
    }
    try {
      if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not start`);
      const gpu = describeGpu(device);
      peers.push({
        entry: {
          impl: `tfjs-${name}`,
          softwareGpu: gpu.software,
          description: `${version} ${name} backend, ${how}; device: ${gpu.device}${gpu.software ? ' (software GPU)' : ''}`,
        },
        peer: { impl: `tfjs-${name}`, backendName: name, note: gpu.device, threads: 0 },
      });
    } catch (error) {
      skipped.push(`tfjs-${name}: skipped, ${(error as Error).message}`);
    }
  }
  return skipped;
}

const host = new ContenderHost(async (setup, state) => {
  if (!state) throw new Error('tfjs race worker: needs the start values rfa drew');
  const trainers = await tfjsTrainers(
    tf,
    peers.map((p) => p.peer),
    setup,
    state,
  );
  return { trainers, state: null };
});

exposeRaceWorker((config) => start(config as TfjsWorkerConfig), host);
