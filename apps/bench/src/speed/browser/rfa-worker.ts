// The race worker for rfa: the CPU backend at each thread count, and the GPU backend per gpu.js mode.
import { createCpuBackend, fmaKernelsSupported, preloadWasmKernels } from '@rfa/backend-cpu';
import { createGpuBackend, isModeAvailable } from '@rfa/backend-gpu';
import { type InitialState, RfaSpeedTrainer, type SpeedTrainer } from '@rfa/experiments/internal';
import type { Backend } from '@rfa/tensor';
import { ContenderHost, exposeRaceWorker } from './contender-host.js';
import { describeGpu, webglRenderer, webgpuAdapter } from './gpu-adapter.js';
import type { RaceEntry, RaceStart } from './race-protocol.js';

export interface RfaWorkerConfig {
  threads: number[];
  gpuModes: string[];
}

const backends: { entry: RaceEntry; backend: Backend }[] = [];

async function gpuDevice(mode: string): Promise<string | null> {
  if (mode === 'webgpu') return webgpuAdapter();
  if (mode === 'webgl2' || mode === 'webgl') return webglRenderer();
  return null;
}

async function start(config: RfaWorkerConfig): Promise<RaceStart> {
  const skipped: string[] = [];
  await preloadWasmKernels();
  for (const threads of config.threads) {
    const backend = createCpuBackend({ kernels: 'wasm', threads });
    // its worker threads boot asynchronously: wait, so the first timed steps have them all
    await backend.whenReady();
    // the CPU backend runs one thread without shared memory: a row that claims more must have it
    if (threads > 1 && !/shared wasm memory/.test(backend.description))
      throw new Error(`rfa-cpu-${threads}t: no shared wasm memory in this worker (${backend.description})`);
    backends.push({
      entry: { impl: `rfa-cpu-${threads}t`, threads, description: backend.description },
      backend,
    });
  }
  // the same kernels with fused multiply-adds (opt-in: the last bits differ), where relaxed SIMD exists
  for (const threads of config.threads) {
    if (!fmaKernelsSupported()) {
      skipped.push(`rfa-cpu-${threads}t-fma: skipped, no WebAssembly relaxed SIMD here`);
      break;
    }
    const backend = createCpuBackend({ kernels: 'wasm', threads, fma: true });
    await backend.whenReady();
    backends.push({
      entry: { impl: `rfa-cpu-${threads}t-fma`, threads, description: backend.description },
      backend,
    });
  }
  for (const mode of config.gpuModes) {
    if (!(await isModeAvailable(mode as never))) {
      skipped.push(`rfa-gpu:${mode}: skipped, not available in this browser`);
      continue;
    }
    try {
      const device = await gpuDevice(mode);
      const backend = await createGpuBackend({ mode: mode as never });
      const gpu = describeGpu(device ?? 'unknown device');
      backends.push({
        entry: {
          impl: `rfa-gpu:${(backend as { mode?: string }).mode ?? mode}`,
          softwareGpu: gpu.software,
          description: `${backend.description}; device: ${gpu.device}${gpu.software ? ' (software GPU)' : ''}`,
        },
        backend,
      });
    } catch (error) {
      skipped.push(`rfa-gpu:${mode}: skipped, ${(error as Error).message}`);
    }
  }
  return { entries: backends.map((b) => b.entry), skipped };
}

const host = new ContenderHost(async (setup, state) => {
  const trainers: SpeedTrainer[] = [];
  let drawn: InitialState | null = null;
  for (const { entry, backend } of backends) {
    const trainer: RfaSpeedTrainer = new RfaSpeedTrainer(
      entry.impl,
      backend,
      setup,
      state ?? drawn ?? undefined,
    );
    if (!state && !drawn) drawn = await trainer.initialState();
    trainers.push(trainer);
  }
  return { trainers, state: drawn };
});

exposeRaceWorker((config) => start(config as RfaWorkerConfig), host);
