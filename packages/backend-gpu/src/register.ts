import { registerBackend } from '@rfa/tensor';
import { createGpuBackend } from './create-gpu-backend.js';

/** Registers 'gpu' (priority 20, above 'cpu'); options pass to `createGpuBackend`. */
export function registerGpuBackend(): void {
  registerBackend({ name: 'gpu', priority: 20, create: (options) => createGpuBackend(options ?? {}) });
}
