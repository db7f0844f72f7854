import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, UnsupportedError } from '@rfa/tensor';
import { GPU } from 'gpu.js';
import { Device } from './device.js';
import { countTextures, glRenderer } from './gl-counter.js';
import { GpuBackend } from './gpu-backend.js';
import { headlessGlError } from './headless-gl.js';
import { GPU_MODES, type GpuMode, type GpuModeRequest, isHostMode } from './modes.js';

export interface GpuBackendOptions {
  /** gpu.js mode; 'auto' (default) takes the first that works of webgl2, webgl, headlessgl, webasm, cpu. */
  mode?: GpuModeRequest;
  /** Tensors with fewer entries than this live and compute on the CPU backend (default 4096; 0 = none). */
  cpuThreshold?: number;
}

/** Default threshold: a 64×64 matrix. Below it a kernel launch costs more than the arithmetic. */
export const DEFAULT_CPU_THRESHOLD = 4096;

const AUTO_ORDER: GpuMode[] = ['webgl2', 'webgl', 'headlessgl', 'webasm', 'cpu'];

/** Whether gpu.js can run `mode` here (webgpu asks for an adapter). */
export async function isModeAvailable(mode: GpuMode): Promise<boolean> {
  try {
    switch (mode) {
      case 'webgl2':
        return GPU.isWebGL2Supported;
      case 'webgl':
        return GPU.isWebGLSupported && typeof document !== 'undefined';
      case 'headlessgl':
        return GPU.isHeadlessGLSupported;
      case 'webgpu':
        return await GPU.isWebGPUAvailable();
      case 'webasm':
        return GPU.isWebAssemblySupported;
      case 'cpu':
        return true;
    }
  } catch {
    return false;
  }
}

/**
 * Creates the GPU backend. An explicit mode that cannot run here throws; 'auto'
 * takes the best that can and, when that is a CPU mode, says so with one console.warn.
 * @example
 * const backend = await createGpuBackend({ mode: 'auto' });
 * console.log(backend.mode, backend.description);
 */
export async function createGpuBackend(options: GpuBackendOptions = {}): Promise<GpuBackend> {
  const request = options.mode ?? 'auto';
  const cpuThreshold = options.cpuThreshold ?? DEFAULT_CPU_THRESHOLD;
  if (request !== 'auto' && !GPU_MODES.includes(request)) {
    throw new OptionError(
      `createGpuBackend: unknown mode '${String(request)}' (expected auto, ${GPU_MODES.join(', ')})`,
    );
  }
  if (!(cpuThreshold >= 0))
    throw new OptionError(`createGpuBackend: cpuThreshold must be >= 0, got ${cpuThreshold}`);
  let mode: GpuMode | undefined;
  if (request === 'auto') {
    for (const m of AUTO_ORDER)
      if (await isModeAvailable(m)) {
        mode = m;
        break;
      }
  } else if (await isModeAvailable(request)) mode = request;
  if (!mode && request === 'headlessgl' && typeof document === 'undefined') {
    throw headlessGlError('createGpuBackend');
  }
  if (!mode)
    throw new UnsupportedError(
      `createGpuBackend: gpu.js mode '${request}' is not available here${hint(request)}`,
    );

  const gpu = new GPU({ mode });
  // The first kernel makes the shared context; count its textures from before any exists.
  const probe = gpu.createKernel('function () { return 1.5; }', { output: [1] });
  const context = (gpu as unknown as { context: unknown }).context;
  const glTextures = isHostMode(mode) || mode === 'webgpu' ? undefined : countTextures(context);
  const value = await probe();
  if ((value as ArrayLike<number>)[0] !== 1.5)
    throw new UnsupportedError(`createGpuBackend: ${mode} probe kernel returned ${String(value)}`);
  const renderer = isHostMode(mode)
    ? 'the host CPU'
    : (glRenderer(context) ?? (mode === 'webgpu' ? 'a WebGPU adapter' : 'unknown renderer'));
  const fallbackNote =
    request === 'auto' && isHostMode(mode)
      ? `no GPU mode works here${hint('auto') ? ` (${hint('auto').slice(2)})` : ''}, computing with gpu.js ${mode} on the CPU`
      : undefined;
  if (fallbackNote) console.warn(`@rfa/backend-gpu: ${fallbackNote}`);
  return new GpuBackend({
    device: new Device(gpu as never, mode),
    cpu: createCpuBackend(),
    cpuThreshold,
    renderer,
    fallbackNote,
    glTextures,
  });
}

function hint(mode: GpuModeRequest): string {
  if (mode === 'headlessgl' || mode === 'auto') {
    return typeof document === 'undefined'
      ? ': headlessgl needs the optional gl package (npm i gl) built and an X display (run under xvfb-run)'
      : '';
  }
  if (mode === 'webgpu') return ': no WebGPU adapter answered (navigator.gpu missing or no adapter)';
  return '';
}
