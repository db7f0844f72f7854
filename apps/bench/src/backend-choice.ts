import { type Backend, BackendStartError, chooseBackend as chooseRegistered } from '@rfa/tensor';
import { CliError } from './cli-error.js';

/** Choices beside the backend's name. */
export interface BackendChoice {
  /** CPU backend: gemm with fused multiply-adds (relaxed SIMD; other numbers than without). */
  fma?: boolean;
}

/**
 * 'cpu' or 'gpu' (the gpu.js backend, which reports the mode it got), chosen by
 * `chooseBackend` of `@rfa/tensor`: a backend that cannot start falls back along the
 * registry's order (gpu → cpu) and the user is told why on stderr. `--fma` never falls
 * back: its numbers are the point.
 */
export async function chooseBackend(name: string, choice: BackendChoice = {}): Promise<Backend> {
  if (name !== 'cpu' && name !== 'gpu') throw new CliError(`--backend must be 'cpu' or 'gpu', got '${name}'`);
  if (choice.fma && name !== 'cpu')
    throw new CliError(`--fma applies to the cpu backend's kernels, not to --backend ${name}`);
  const cpu = await import('@rfa/backend-cpu'); // registers 'cpu', the last resort
  if (name === 'gpu') {
    try {
      await import('@rfa/backend-gpu');
    } catch (err) {
      throw new CliError(`--backend gpu: the GPU backend could not load (${(err as Error).message})`);
    }
  }
  // Node 20 has relaxed SIMD behind a V8 flag; it counts when set before the kernels compile
  if (choice.fma && !cpu.fmaKernelsSupported())
    (await import('node:v8')).setFlagsFromString('--experimental-wasm-relaxed-simd');
  try {
    const chosen = await chooseRegistered(name, {
      options: choice.fma ? { cpu: { fma: true } } : {},
      fallback: !choice.fma,
    });
    for (const failure of chosen.failures)
      console.error(
        `--backend ${failure.name} could not start here (${failure.reason}); running on the ${chosen.name} backend instead`,
      );
    return chosen.backend;
  } catch (err) {
    if (choice.fma && err instanceof BackendStartError)
      throw new CliError(`--fma: ${err.failures[0]?.reason}`);
    throw err;
  }
}
