import { createCpuBackend, preloadWasmKernels } from '@rfa/backend-cpu';
import type { Backend } from '@rfa/tensor';
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
export function cpuThreads(): { threads: number; note?: string } {
  if (!globalThis.crossOriginIsolated)
    return {
      threads: 1,
      note: 'this page is not cross-origin isolated (no COOP/COEP headers from its host), so the CPU backend runs on one thread',
    };
  return { threads: Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1)) };
}

export async function cpuBackend(threads?: number): Promise<Backend> {
  await preloadWasmKernels();
  const backend = createCpuBackend({ threads: threads ?? cpuThreads().threads });
  await backend.whenReady();
  return backend;
}

/**
 * The backend asked for; a GPU mode that cannot start here (no WebGL2 context, no WebGPU
 * adapter) falls back to the CPU backend and says what happened.
 */
export async function chooseBackend(choice: BackendChoice): Promise<ChosenBackend> {
  const { note } = cpuThreads();
  if (choice !== 'cpu') {
    try {
      const { createGpuBackend } = await import('@rfa/backend-gpu');
      const backend = await createGpuBackend({ mode: choice });
      return { backend, mode: backend.mode, description: backend.description };
    } catch (err) {
      const backend = await cpuBackend();
      const why = `${choice === 'webgpu' ? 'WebGPU' : 'WebGL2'} could not start here (${(err as Error).message}); running on the CPU backend instead`;
      return {
        backend,
        mode: 'cpu',
        description: backend.description,
        fallback: note ? `${why}. Also: ${note}` : why,
      };
    }
  }
  const backend = await cpuBackend();
  return { backend, mode: 'cpu', description: backend.description, ...(note ? { fallback: note } : {}) };
}
