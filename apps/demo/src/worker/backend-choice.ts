import { type CpuBackend, preloadWasmKernels } from '@rfa/backend-cpu';
import type { GpuBackend } from '@rfa/backend-gpu';
import { type Backend, chooseBackend as chooseRegistered } from '@rfa/tensor';
import type { BackendChoice } from '../app/run-settings.js';

/** The backend a run got, what it is, and why it is not the one asked for (if not). */
export interface ChosenBackend {
  backend: Backend;
  /** 'cpu', or the gpu.js mode that runs. */
  mode: string;
  description: string;
  fallback?: string;
}

/**
 * CPU threads for training: shared memory needs cross-origin isolation, and one core is
 * left to the page so it stays responsive (at most 4).
 */
function cpuThreads(): { threads: number; note?: string } {
  if (!globalThis.crossOriginIsolated)
    return {
      threads: 1,
      note: 'this page is not cross-origin isolated (no COOP/COEP headers from its host), so the CPU backend runs on one thread',
    };
  return { threads: Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1)) };
}

/** The registry's 'cpu' backend on `threads` threads (default: `cpuThreads()`), its workers started. */
export async function cpuBackend(threads?: number): Promise<Backend> {
  await preloadWasmKernels(); // a page's main thread refuses synchronous wasm compiles
  const { backend } = await chooseRegistered('cpu', {
    options: { cpu: { threads: threads ?? cpuThreads().threads } },
    fallback: false,
  });
  await (backend as CpuBackend).whenReady();
  return backend;
}

/**
 * The backend asked for, by `chooseBackend` of `@rfa/tensor`: a GPU mode that cannot start
 * here (no WebGL2 context, no WebGPU adapter) falls back to the CPU backend and says what happened.
 */
export async function chooseBackend(choice: BackendChoice): Promise<ChosenBackend> {
  const { threads, note } = cpuThreads();
  await preloadWasmKernels(); // a page's main thread refuses synchronous wasm compiles
  if (choice !== 'cpu') await import('@rfa/backend-gpu'); // registers 'gpu' (gpu.js loads only when asked for)
  const chosen = await chooseRegistered(choice === 'cpu' ? 'cpu' : 'gpu', {
    options: { gpu: { mode: choice }, cpu: { threads } },
  });
  const { backend, failures } = chosen;
  if (chosen.name !== 'cpu')
    return { backend, mode: (backend as GpuBackend).mode, description: backend.description };
  await (backend as CpuBackend).whenReady();
  const why = failures.map(
    (f) =>
      `${choice === 'webgpu' ? 'WebGPU' : 'WebGL2'} could not start here (${f.reason}); running on the CPU backend instead`,
  );
  const fallback = [...why, ...(note ? [note] : [])].join('. Also: ');
  return { backend, mode: 'cpu', description: backend.description, ...(fallback ? { fallback } : {}) };
}
