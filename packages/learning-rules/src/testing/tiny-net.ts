import { createNetwork, type Network, uniformInit } from '@rfa/layers';
import { type Backend, Rng } from '@rfa/tensor';

/** The hand-worked nets' weights: 2 inputs, 3 tanh hidden units, 2 linear outputs; biases 0. */
export const TINY_W0 = [0.1, -0.2, 0.3, 0.4, -0.5, 0.2]; // [3, 2]
export const TINY_W1 = [0.2, -0.3, 0.1, 0.4, 0.1, -0.2]; // [2, 3]
export const TINY_X = [1, -0.5];
export const TINY_TARGET = [1, 0];

/** The 2-3-2 tanh/linear net with TINY_W0 and TINY_W1 written in. */
export function tinyNet(backend: Backend): Network {
  const net = createNetwork(backend, {
    rng: new Rng(1),
    init: uniformInit(0.1),
    layers: [
      { in: 2, out: 3, activation: 'tanh' },
      { out: 2, activation: 'linear' },
    ],
  });
  backend.write(net.layers[0].weights, TINY_W0);
  backend.write(net.layers[1].weights, TINY_W1);
  for (const l of net.layers) backend.fill(l.bias, 0);
  return net;
}

/** The tiny net's forward pass on TINY_X in float64: hidden h, f'(a) = 1 − h², output y, e = y* − y. */
export function tinyForward(w0 = TINY_W0, w1 = TINY_W1) {
  const h = [0, 1, 2].map((i) => Math.tanh(w0[2 * i] * TINY_X[0] + w0[2 * i + 1] * TINY_X[1]));
  const derivative = h.map((v) => 1 - v * v);
  const y = [0, 1].map((k) => w1[3 * k] * h[0] + w1[3 * k + 1] * h[1] + w1[3 * k + 2] * h[2]);
  const e = y.map((v, k) => TINY_TARGET[k] - v);
  return { h, derivative, y, e };
}

/** W0 after one step η δ0 xᵀ (batch 1, no decay) given the hidden teaching signal δ0. */
export const stepW0 = (delta0: number[], eta: number): number[] =>
  TINY_W0.map((w, idx) => w + eta * delta0[Math.floor(idx / 2)] * TINY_X[idx % 2]);
