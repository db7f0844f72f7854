/** Counts textures a WebGL context holds (created − deleted), by wrapping its two methods. */
export function countTextures(context: unknown): (() => number) | undefined {
  const gl = context as { createTexture?: () => unknown; deleteTexture?: (t: unknown) => void } | null;
  if (!gl || typeof gl.createTexture !== 'function' || typeof gl.deleteTexture !== 'function')
    return undefined;
  let live = 0;
  const create = gl.createTexture.bind(gl);
  const remove = gl.deleteTexture.bind(gl);
  gl.createTexture = () => {
    const t = create();
    if (t) live++;
    return t;
  };
  gl.deleteTexture = (t: unknown) => {
    if (t) live--;
    remove(t);
  };
  return () => live;
}

/** GL_RENDERER, unmasked where the driver allows (Mesa llvmpipe, SwiftShader, ...). */
export function glRenderer(context: unknown): string | undefined {
  const gl = context as {
    getParameter?: (p: number) => unknown;
    getExtension?: (n: string) => unknown;
    RENDERER?: number;
  } | null;
  if (!gl || typeof gl.getParameter !== 'function') return undefined;
  const info = gl.getExtension?.('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL: number } | null;
  const unmasked = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : undefined;
  return String(unmasked ?? gl.getParameter(gl.RENDERER ?? 0x1f01));
}
