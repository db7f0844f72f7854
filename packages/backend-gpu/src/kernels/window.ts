import type { WindowGeometry } from '@rfa/tensor';
import type { KernelSpec } from './spec.js';

// Window kernels over NHWC rows, one thread per output entry. The backward ones
// gather (each input pixel sums the window entries that cover it), so no thread
// writes where another does. Integer division goes through floor((n + 0.5) / d),
// exact on float GPUs while n < 2^24.

const C = 'this.constants';

/** The geometry as kernel constants, and a cache key that names it. */
function constantsOf(g: WindowGeometry): { key: string; constants: Record<string, number> } {
  const constants = {
    H: g.height,
    W: g.width,
    C: g.channels,
    kh: g.kernelHeight,
    kw: g.kernelWidth,
    sh: g.strideHeight,
    sw: g.strideWidth,
    pt: g.padTop,
    pl: g.padLeft,
    oh: g.outHeight,
    ow: g.outWidth,
  };
  return { key: Object.values(constants).join(','), constants };
}

/** Splits `of` into quotient `q` and remainder `r` by `by` (statements). */
const divmod = (q: string, r: string, of: string, by: string): string =>
  `const ${q} = Math.floor((${of} + 0.5) / ${by}); const ${r} = ${of} - ${q} * ${by};`;

/** Decodes thread.x over an NHWC image batch into b, iy, ix, c. */
const IMAGE_ENTRY = `${divmod('pixel', 'c', 'this.thread.x', `${C}.C`)} ${divmod('line', 'ix', 'pixel', `${C}.W`)} ${divmod('b', 'iy', 'line', `${C}.H`)}`;

/** Decodes thread.x over a pooled batch into b, oy, ox, c and the window's top-left y0, x0. */
const POOLED_ENTRY = `${divmod('pixel', 'c', 'this.thread.x', `${C}.C`)} ${divmod('line', 'ox', 'pixel', `${C}.ow`)} ${divmod('b', 'oy', 'line', `${C}.oh`)}
  const y0 = oy * ${C}.sh - ${C}.pt; const x0 = ox * ${C}.sw - ${C}.pl;`;

/**
 * For an image entry (b, iy, ix, c): loops over the taps (ky, kx) whose window covers it,
 * with oy, ox the window and `o` its pooled/row index b·oh·ow + oy·ow + ox; `body` runs inside.
 */
const COVERING_WINDOWS = (body: string): string => `
  for (let ky = 0; ky < ${C}.kh; ky++) {
    const ty = iy + ${C}.pt - ky;
    const oy = Math.floor((ty + 0.5) / ${C}.sh);
    if (ty >= 0 && oy < ${C}.oh && Math.abs(oy * ${C}.sh - ty) < 0.5) {
      for (let kx = 0; kx < ${C}.kw; kx++) {
        const tx = ix + ${C}.pl - kx;
        const ox = Math.floor((tx + 0.5) / ${C}.sw);
        if (tx >= 0 && ox < ${C}.ow && Math.abs(ox * ${C}.sw - tx) < 0.5) {
          const o = (b * ${C}.oh + oy) * ${C}.ow + ox;
          ${body}
        }
      }
    }
  }`;

/** cols [(b, oy, ox), (ky, kx, c)] ← x, zero in the padding. */
export function im2col(g: WindowGeometry): KernelSpec {
  const { key, constants } = constantsOf(g);
  return {
    key: `im2col:${key}`,
    source: `function (x) {
      const K = ${C}.kh * ${C}.kw * ${C}.C;
      ${divmod('row', 'col', 'this.thread.x', 'K')}
      ${divmod('tap', 'c', 'col', `${C}.C`)}
      ${divmod('ky', 'kx', 'tap', `${C}.kw`)}
      ${divmod('line', 'ox', 'row', `${C}.ow`)}
      ${divmod('b', 'oy', 'line', `${C}.oh`)}
      const iy = oy * ${C}.sh - ${C}.pt + ky;
      const ix = ox * ${C}.sw - ${C}.pl + kx;
      if (iy < 0 || iy >= ${C}.H || ix < 0 || ix >= ${C}.W) { return 0.0; }
      return x[((b * ${C}.H + iy) * ${C}.W + ix) * ${C}.C + c];
    }`,
    constants,
  };
}

/** x (b, iy, ix, c) ← Σ of the cols entries that im2col took from it. */
export function col2im(g: WindowGeometry): KernelSpec {
  const { key, constants } = constantsOf(g);
  return {
    key: `col2im:${key}`,
    source: `function (cols) {
      ${IMAGE_ENTRY}
      const K = ${C}.kh * ${C}.kw * ${C}.C;
      let s = 0.0;
      ${COVERING_WINDOWS(`s += cols[o * K + (ky * ${C}.kw + kx) * ${C}.C + c];`)}
      return s;
    }`,
    constants,
  };
}

/** The window max ('value') or the first winner's tap ky·kW + kx ('index'); padding never wins. */
export function maxPool(g: WindowGeometry, what: 'value' | 'index'): KernelSpec {
  const { key, constants } = constantsOf(g);
  return {
    key: `maxPool:${what}:${key}`,
    source: `function (x) {
      ${POOLED_ENTRY}
      let best = 0.0;
      let index = -1.0;
      for (let ky = 0; ky < ${C}.kh; ky++) {
        const iy = y0 + ky;
        for (let kx = 0; kx < ${C}.kw; kx++) {
          const ix = x0 + kx;
          if (iy >= 0 && iy < ${C}.H && ix >= 0 && ix < ${C}.W) {
            const v = x[((b * ${C}.H + iy) * ${C}.W + ix) * ${C}.C + c];
            if (index < 0.0 || v > best) { best = v; index = ky * ${C}.kw + kx; }
          }
        }
      }
      return ${what === 'value' ? 'best' : 'index'};
    }`,
    constants,
  };
}

/** dx (b, iy, ix, c) ← Σ dy over the windows whose winner is this pixel. */
export function maxPoolBackward(g: WindowGeometry): KernelSpec {
  const { key, constants } = constantsOf(g);
  return {
    key: `maxPoolBackward:${key}`,
    source: `function (dy, argmax) {
      ${IMAGE_ENTRY}
      let s = 0.0;
      ${COVERING_WINDOWS(`if (Math.abs(argmax[o * ${C}.C + c] - (ky * ${C}.kw + kx)) < 0.5) { s += dy[o * ${C}.C + c]; }`)}
      return s;
    }`,
    constants,
  };
}

/** out ← window sum / (kh·kw), the padding adding zeros. */
export function avgPool(g: WindowGeometry): KernelSpec {
  const { key, constants } = constantsOf(g);
  return {
    key: `avgPool:${key}`,
    source: `function (x) {
      ${POOLED_ENTRY}
      let s = 0.0;
      for (let ky = 0; ky < ${C}.kh; ky++) {
        const iy = y0 + ky;
        for (let kx = 0; kx < ${C}.kw; kx++) {
          const ix = x0 + kx;
          if (iy >= 0 && iy < ${C}.H && ix >= 0 && ix < ${C}.W) {
            s += x[((b * ${C}.H + iy) * ${C}.W + ix) * ${C}.C + c];
          }
        }
      }
      return s / (${C}.kh * ${C}.kw);
    }`,
    constants,
  };
}

/** dx (b, iy, ix, c) ← Σ dy / (kh·kw) over the windows that cover it. */
export function avgPoolBackward(g: WindowGeometry): KernelSpec {
  const { key, constants } = constantsOf(g);
  return {
    key: `avgPoolBackward:${key}`,
    source: `function (dy) {
      ${IMAGE_ENTRY}
      let s = 0.0;
      ${COVERING_WINDOWS(`s += dy[o * ${C}.C + c];`)}
      return s / (${C}.kh * ${C}.kw);
    }`,
    constants,
  };
}
