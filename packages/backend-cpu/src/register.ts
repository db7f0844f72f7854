import { registerBackend } from '@rfa/tensor';
import { createCpuBackend } from './cpu-backend.js';
import type { CpuBackendOptions } from './kernel-choice.js';

/** Registers 'cpu' (priority 10: any working accelerator outranks it); its options are `createCpuBackend`'s. */
export function registerCpuBackend(): void {
  registerBackend({
    name: 'cpu',
    priority: 10,
    create: (options) => createCpuBackend(options as CpuBackendOptions),
  });
}
