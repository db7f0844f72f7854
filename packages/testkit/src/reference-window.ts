import type { WindowGeometry } from '@rfa/tensor';

/**
 * Float64 references for the window ops (im2col, col2im, the pools), the oracle the
 * conformance suite checks every backend against. Written from the definitions, not for
 * speed: `windowPixel` says which image entry a window tap reads (or -1 on padding), and
 * every op is a loop over windows and taps; each backward op is the transpose of its
 * forward op's map, scattered.
 */

/** Index in x [batch, H·W·C] of channel c under tap (ky, kx) of window (b, oy, ox), or -1 on padding. */
export function windowPixel(
  g: WindowGeometry,
  b: number,
  oy: number,
  ox: number,
  ky: number,
  kx: number,
  c: number,
): number {
  const iy = oy * g.strideHeight - g.padTop + ky;
  const ix = ox * g.strideWidth - g.padLeft + kx;
  if (iy < 0 || iy >= g.height || ix < 0 || ix >= g.width) return -1;
  return ((b * g.height + iy) * g.width + ix) * g.channels + c;
}

/** Calls fn(pooled index, b, oy, ox, c) for every window and channel, in output order. */
function eachOutput(
  g: WindowGeometry,
  fn: (o: number, b: number, oy: number, ox: number, c: number) => void,
) {
  let o = 0;
  for (let b = 0; b < g.batch; b++)
    for (let oy = 0; oy < g.outHeight; oy++)
      for (let ox = 0; ox < g.outWidth; ox++) for (let c = 0; c < g.channels; c++) fn(o++, b, oy, ox, c);
}

const imageSize = (g: WindowGeometry) => g.batch * g.height * g.width * g.channels;
const pooledSize = (g: WindowGeometry) => g.batch * g.outHeight * g.outWidth * g.channels;
const taps = (g: WindowGeometry) => g.kernelHeight * g.kernelWidth;

/** cols [batch·outH·outW, kH·kW·C], each row one window, entries in (ky, kx, c) order. */
export function refIm2col(x: ArrayLike<number>, g: WindowGeometry): Float64Array {
  const rowLength = taps(g) * g.channels;
  const cols = new Float64Array(g.batch * g.outHeight * g.outWidth * rowLength);
  eachOutput(g, (o, b, oy, ox, c) => {
    const row = (o - c) / g.channels;
    for (let ky = 0; ky < g.kernelHeight; ky++)
      for (let kx = 0; kx < g.kernelWidth; kx++) {
        const p = windowPixel(g, b, oy, ox, ky, kx, c);
        cols[row * rowLength + (ky * g.kernelWidth + kx) * g.channels + c] = p < 0 ? 0 : x[p];
      }
  });
  return cols;
}

/** The adjoint of im2col; with `absBound`, Σ|terms| per entry (the scale of its rounding). */
export function refCol2im(cols: ArrayLike<number>, g: WindowGeometry, absBound?: Float64Array): Float64Array {
  const rowLength = taps(g) * g.channels;
  const x = new Float64Array(imageSize(g));
  eachOutput(g, (o, b, oy, ox, c) => {
    const row = (o - c) / g.channels;
    for (let ky = 0; ky < g.kernelHeight; ky++)
      for (let kx = 0; kx < g.kernelWidth; kx++) {
        const p = windowPixel(g, b, oy, ox, ky, kx, c);
        if (p < 0) continue;
        const v = cols[row * rowLength + (ky * g.kernelWidth + kx) * g.channels + c];
        x[p] += v;
        if (absBound) absBound[p] += Math.abs(v);
      }
  });
  return x;
}

/** Window max per channel over image pixels and its tap ky·kW + kx (the first on ties). */
export function refMaxPool(
  x: ArrayLike<number>,
  g: WindowGeometry,
): { out: Float64Array; argmax: Float64Array } {
  const out = new Float64Array(pooledSize(g));
  const argmax = new Float64Array(pooledSize(g));
  eachOutput(g, (o, b, oy, ox, c) => {
    let best = -1;
    for (let tap = 0; tap < taps(g); tap++) {
      const p = windowPixel(g, b, oy, ox, Math.floor(tap / g.kernelWidth), tap % g.kernelWidth, c);
      if (p >= 0 && (best < 0 || x[p] > out[o])) {
        best = tap;
        out[o] = x[p];
      }
    }
    argmax[o] = best;
  });
  return { out, argmax };
}

/** dy routed to each window's winner (the adjoint of x ↦ x[winner]); `absBound` as in refCol2im. */
export function refMaxPoolBackward(
  dy: ArrayLike<number>,
  argmax: ArrayLike<number>,
  g: WindowGeometry,
  absBound?: Float64Array,
): Float64Array {
  const dx = new Float64Array(imageSize(g));
  eachOutput(g, (o, b, oy, ox, c) => {
    const tap = argmax[o];
    const p = windowPixel(g, b, oy, ox, Math.floor(tap / g.kernelWidth), tap % g.kernelWidth, c);
    dx[p] += dy[o];
    if (absBound) absBound[p] += Math.abs(dy[o]);
  });
  return dx;
}

/** Window mean per channel, padding counting as zeros (divides by kH·kW); `absBound` = Σ|x|/(kH·kW). */
export function refAvgPool(x: ArrayLike<number>, g: WindowGeometry, absBound?: Float64Array): Float64Array {
  const out = new Float64Array(pooledSize(g));
  eachOutput(g, (o, b, oy, ox, c) => {
    for (let ky = 0; ky < g.kernelHeight; ky++)
      for (let kx = 0; kx < g.kernelWidth; kx++) {
        const p = windowPixel(g, b, oy, ox, ky, kx, c);
        if (p < 0) continue;
        out[o] += x[p] / taps(g);
        if (absBound) absBound[o] += Math.abs(x[p]) / taps(g);
      }
  });
  return out;
}

/** The adjoint of avgPool; `absBound` as in refCol2im. */
export function refAvgPoolBackward(
  dy: ArrayLike<number>,
  g: WindowGeometry,
  absBound?: Float64Array,
): Float64Array {
  const dx = new Float64Array(imageSize(g));
  eachOutput(g, (o, b, oy, ox, c) => {
    for (let ky = 0; ky < g.kernelHeight; ky++)
      for (let kx = 0; kx < g.kernelWidth; kx++) {
        const p = windowPixel(g, b, oy, ox, ky, kx, c);
        if (p < 0) continue;
        dx[p] += dy[o] / taps(g);
        if (absBound) absBound[p] += Math.abs(dy[o]) / taps(g);
      }
  });
  return dx;
}
