import { ConvLayer, type Network } from '@rfa/layers';
import type { Activation, WindowGeometry } from '@rfa/tensor';
import { refLossTerm } from './reference-network.js';

/**
 * A float64 reference of a network with conv layers, written as direct loops over output
 * pixels and kernel taps (no im2col), for gradient checks and hand-worked tests. Weights are
 * row-major in rfa's layout: a conv kernel [outC][ky][kx][inC], a dense W [out][in].
 */
export type RefConvNetLayer =
  | { kind: 'dense'; w: Float64Array; b: Float64Array; in: number; out: number; activation: Activation }
  | {
      kind: 'conv';
      w: Float64Array;
      b: Float64Array;
      g: WindowGeometry;
      outC: number;
      activation: Activation;
      pool: { kind: 'max' | 'avg'; g: WindowGeometry } | null;
    };

/** The network's current weights as float64 reference layers. */
export function referenceLayers(net: Network): RefConvNetLayer[] {
  return net.layers.map((l) => {
    const w = Float64Array.from(l.weights.readSync());
    const b = Float64Array.from(l.bias.readSync());
    if (l instanceof ConvLayer)
      return {
        kind: 'conv',
        w,
        b,
        g: l.geometry,
        outC: l.outChannels,
        activation: l.activation,
        pool: l.poolKind && { kind: l.poolKind, g: l.poolGeometry! },
      };
    return { kind: 'dense', w, b, in: l.inputSize, out: l.outputSize, activation: l.activation };
  });
}

const f = (a: Activation, x: number) =>
  a === 'logistic' ? 1 / (1 + Math.exp(-x)) : a === 'tanh' ? Math.tanh(x) : a === 'relu' ? Math.max(0, x) : x;

/** One example's direct convolution, NHWC in and out, with the geometry's zero padding. */
function refConv2d(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  b: ArrayLike<number> | null,
  g: WindowGeometry,
  outC: number,
): Float64Array {
  const out = new Float64Array(g.outHeight * g.outWidth * outC);
  const taps = g.kernelHeight * g.kernelWidth * g.channels;
  for (let oy = 0; oy < g.outHeight; oy++)
    for (let ox = 0; ox < g.outWidth; ox++)
      for (let o = 0; o < outC; o++) {
        let s = b ? b[o] : 0;
        for (let ky = 0; ky < g.kernelHeight; ky++) {
          const iy = oy * g.strideHeight - g.padTop + ky;
          if (iy < 0 || iy >= g.height) continue;
          for (let kx = 0; kx < g.kernelWidth; kx++) {
            const ix = ox * g.strideWidth - g.padLeft + kx;
            if (ix < 0 || ix >= g.width) continue;
            for (let c = 0; c < g.channels; c++)
              s +=
                w[o * taps + (ky * g.kernelWidth + kx) * g.channels + c] *
                x[(iy * g.width + ix) * g.channels + c];
          }
        }
        out[(oy * g.outWidth + ox) * outC + o] = s;
      }
  return out;
}

/** One example's max or average pooling (padding never wins a max and counts as 0 in a mean). */
function refPool(x: ArrayLike<number>, kind: 'max' | 'avg', g: WindowGeometry): Float64Array {
  const out = new Float64Array(g.outHeight * g.outWidth * g.channels);
  for (let oy = 0; oy < g.outHeight; oy++)
    for (let ox = 0; ox < g.outWidth; ox++)
      for (let c = 0; c < g.channels; c++) {
        let s = kind === 'max' ? Number.NEGATIVE_INFINITY : 0;
        for (let ky = 0; ky < g.kernelHeight; ky++)
          for (let kx = 0; kx < g.kernelWidth; kx++) {
            const iy = oy * g.strideHeight - g.padTop + ky;
            const ix = ox * g.strideWidth - g.padLeft + kx;
            if (iy < 0 || iy >= g.height || ix < 0 || ix >= g.width) continue;
            const v = x[(iy * g.width + ix) * g.channels + c];
            s = kind === 'max' ? Math.max(s, v) : s + v;
          }
        out[(oy * g.outWidth + ox) * g.channels + c] =
          kind === 'max' ? s : s / (g.kernelHeight * g.kernelWidth);
      }
  return out;
}

/** One example through the reference network: the output (softmax on the last layer if asked). */
function refConvForward(layers: readonly RefConvNetLayer[], x: ArrayLike<number>): Float64Array {
  let h: Float64Array = Float64Array.from(x);
  for (const L of layers) {
    if (L.kind === 'conv') {
      h = refConv2d(h, L.w, L.b, L.g, L.outC).map((v) => f(L.activation, v));
      if (L.pool) h = refPool(h, L.pool.kind, L.pool.g);
      continue;
    }
    const a = new Float64Array(L.out);
    for (let i = 0; i < L.out; i++) {
      let s = L.b[i];
      for (let j = 0; j < L.in; j++) s += L.w[i * L.in + j] * h[j];
      a[i] = s;
    }
    if (L.activation === 'softmax') {
      const m = Math.max(...a);
      let z = 0;
      for (const v of a) z += Math.exp(v - m);
      h = a.map((v) => Math.exp(v - m) / z);
    } else h = a.map((v) => f(L.activation, v));
  }
  return h;
}

/** Mean loss over a batch in float64 (the terms of `refLossTerm`). */
export function refConvLoss(
  layers: readonly RefConvNetLayer[],
  xs: Float32Array,
  ys: Float32Array,
  batch: number,
  loss: 'mse' | 'softmax-ce' | 'sigmoid-ce',
): number {
  const nIn = xs.length / batch;
  const nOut = ys.length / batch;
  let total = 0;
  for (let r = 0; r < batch; r++) {
    const y = refConvForward(layers, xs.subarray(r * nIn, (r + 1) * nIn));
    for (let k = 0; k < nOut; k++) {
      const t = ys[r * nOut + k];
      total += refLossTerm(t, y[k], loss);
    }
  }
  return total / batch;
}
