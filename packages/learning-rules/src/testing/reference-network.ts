import type { Activation } from '@rfa/tensor';

/** Float64 reference of a dense network, for gradient checks: weights [out][in] row-major. */
export interface RefLayer {
  w: Float64Array;
  b: Float64Array;
  in: number;
  out: number;
  activation: Activation;
}

const f = (a: Activation, x: number) =>
  a === 'logistic' ? 1 / (1 + Math.exp(-x)) : a === 'tanh' ? Math.tanh(x) : a === 'relu' ? Math.max(0, x) : x;

/** Forward pass of one example in float64. */
function refForward(layers: RefLayer[], x: ArrayLike<number>): Float64Array {
  let h = Float64Array.from(x);
  for (const L of layers) {
    const a = new Float64Array(L.out);
    for (let i = 0; i < L.out; i++) {
      let s = L.b[i];
      for (let j = 0; j < L.in; j++) s += L.w[i * L.in + j] * h[j];
      a[i] = s;
    }
    if (L.activation === 'softmax') {
      const m = Math.max(...a);
      let z = 0;
      for (let i = 0; i < L.out; i++) z += Math.exp(a[i] - m);
      h = a.map((v) => Math.exp(v - m) / z);
    } else h = a.map((v) => f(L.activation, v));
  }
  return h;
}

/** One output's loss in float64 for target t and output y (the terms `refLoss` sums). */
export function refLossTerm(t: number, y: number, loss: 'mse' | 'softmax-ce' | 'sigmoid-ce'): number {
  if (loss === 'mse') return 0.5 * (t - y) ** 2;
  if (loss === 'softmax-ce') return t > 0 ? -t * Math.log(y) : 0;
  return -(t * Math.log(y) + (1 - t) * Math.log(1 - y));
}

/** Mean loss over a batch in float64: ½Σe² (mse), −Σ y* log p (softmax-ce) or −Σ [y* log y + (1 − y*) log(1 − y)] (sigmoid-ce). */
export function refLoss(
  layers: RefLayer[],
  xs: Float32Array,
  ys: Float32Array,
  batch: number,
  loss: 'mse' | 'softmax-ce' | 'sigmoid-ce',
): number {
  const nIn = layers[0].in;
  const nOut = layers[layers.length - 1].out;
  let total = 0;
  for (let r = 0; r < batch; r++) {
    const y = refForward(layers, xs.subarray(r * nIn, (r + 1) * nIn));
    for (let k = 0; k < nOut; k++) {
      const t = ys[r * nOut + k];
      total += refLossTerm(t, y[k], loss);
    }
  }
  return total / batch;
}

/** Row-major transpose of a rows×cols matrix. */
export function transpose(m: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
  return t;
}
