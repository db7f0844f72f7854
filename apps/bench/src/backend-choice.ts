import { type Backend, createBackend } from '@rfa/tensor';
import { CliError } from './cli-error.js';

/** Choices beside the backend's name. */
export interface BackendChoice {
  /** CPU backend: gemm with fused multiply-adds (relaxed SIMD; other numbers than without). */
  fma?: boolean;
}

/** 'cpu' or 'gpu' (the gpu.js backend, which reports the mode it got). */
export async function chooseBackend(name: string, choice: BackendChoice = {}): Promise<Backend> {
  if (choice.fma && name !== 'cpu')
    throw new CliError(`--fma applies to the cpu backend's kernels, not to --backend ${name}`);
  if (name === 'cpu') {
    const cpu = await import('@rfa/backend-cpu');
    if (!choice.fma) return createBackend('cpu');
    // Node 20 has relaxed SIMD behind a V8 flag; it counts when set before the kernels compile
    if (!cpu.fmaKernelsSupported())
      (await import('node:v8')).setFlagsFromString('--experimental-wasm-relaxed-simd');
    try {
      return cpu.createCpuBackend({ fma: true });
    } catch (err) {
      throw new CliError(`--fma: ${(err as Error).message}`);
    }
  }
  if (name === 'gpu') {
    try {
      await import(/* @vite-ignore */ '@rfa/backend-gpu' as string);
    } catch (err) {
      throw new CliError(`--backend gpu: the GPU backend could not load (${(err as Error).message})`);
    }
    return createBackend('gpu');
  }
  throw new CliError(`--backend must be 'cpu' or 'gpu', got '${name}'`);
}
