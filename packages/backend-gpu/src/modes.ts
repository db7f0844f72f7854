/** gpu.js 2.24 modes this backend can run on. */
export type GpuMode = 'webgl2' | 'webgl' | 'webgpu' | 'headlessgl' | 'webasm' | 'cpu';

/** What `createGpuBackend` accepts: a mode, or 'auto' for the best one available. */
export type GpuModeRequest = GpuMode | 'auto';

export const GPU_MODES: readonly GpuMode[] = ['webgl2', 'webgl', 'webgpu', 'headlessgl', 'webasm', 'cpu'];

/** Modes that keep tensors in device memory (textures or storage buffers). */
export const DEVICE_MODES: readonly GpuMode[] = ['webgl2', 'webgl', 'webgpu', 'headlessgl'];

/** Modes whose gpu.js kernel calls return Promises (WebGPU reads back asynchronously). */
export const isAsyncMode = (mode: GpuMode): boolean => mode === 'webgpu';

/** Modes that compute on the host CPU (gpu.js's own fallbacks). */
export const isHostMode = (mode: GpuMode): boolean => mode === 'webasm' || mode === 'cpu';
