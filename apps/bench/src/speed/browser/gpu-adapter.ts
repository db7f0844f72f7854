/** Renderer and adapter names of software rasterisers, which say nothing about a real GPU. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver/i;

/** Whether a WebGL renderer or WebGPU adapter description names a software implementation. */
export const isSoftwareGpu = (description: string): boolean => SOFTWARE.test(description);

/** The WebGL2 renderer of this worker or page (unmasked where the browser allows), or null without WebGL2. */
export function webglRenderer(): string | null {
  if (typeof OffscreenCanvas !== 'function') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const vendor = String(gl.getParameter(info ? info.UNMASKED_VENDOR_WEBGL : gl.VENDOR));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return `${vendor}, ${renderer}`;
}

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}

/** The WebGPU adapter's vendor, architecture and description, or null without an adapter. */
export async function webgpuAdapter(): Promise<string | null> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter();
  if (!adapter) return null;
  const i = adapter.info ?? {};
  const text =
    [i.vendor, i.architecture, i.device, i.description].filter((s) => s).join(', ') || 'unnamed adapter';
  return adapter.isFallbackAdapter ? `${text} (fallback adapter)` : text;
}

/** A GPU device label for the table: what it is, and whether it is software. */
export function describeGpu(device: string): { device: string; software: boolean } {
  return { device, software: isSoftwareGpu(device) || device.includes('fallback adapter') };
}
