import { registerCpuBackend } from './register.js';

export { CpuBackend, type CpuBackendOptions, createCpuBackend } from './cpu-backend.js';
export { GemmKernel } from './kernels/gemm.js';
export { gemmDirect } from './kernels/gemm-direct.js';
export { registerCpuBackend } from './register.js';

// Importing the package makes `createBackend('cpu')` work.
registerCpuBackend();
