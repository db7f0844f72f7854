import { type Backend, createBackend } from '@rfa/tensor';
import { CliError } from './cli-error.js';

/** 'cpu' or 'gpu' (the gpu.js backend, which reports the mode it got). */
export async function chooseBackend(name: string): Promise<Backend> {
  if (name === 'cpu') {
    await import('@rfa/backend-cpu');
    return createBackend('cpu');
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
