import { registerBackend } from '@rfa/tensor';
import { createCpuBackend } from './cpu-backend.js';

/** Registers 'cpu' (priority 10: any working accelerator outranks it). */
export function registerCpuBackend(): void {
  registerBackend({ name: 'cpu', priority: 10, create: () => createCpuBackend() });
}
