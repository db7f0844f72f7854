import { registerGpuBackend } from './register.js';

export {
  createGpuBackend,
  DEFAULT_CPU_THRESHOLD,
  type GpuBackendOptions,
  isModeAvailable,
} from './create-gpu-backend.js';
export { GpuBackend, type GpuBackendMemory } from './gpu-backend.js';
export { DEVICE_MODES, GPU_MODES, type GpuMode, type GpuModeRequest } from './modes.js';
export { registerGpuBackend } from './register.js';

// Importing the package makes `createBackend('gpu')` work.
registerGpuBackend();
