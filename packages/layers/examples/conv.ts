import { createCpuBackend } from '@rfa/backend-cpu';
import { type ConvLayer, createNetwork, heInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';

const backend = createCpuBackend();
const net = createNetwork(backend, {
  rng: new Rng(1),
  inputShape: [28, 28, 1], // height, width, channels: each image is one NHWC row of 784 values
  init: heInit(),
  layers: [
    { type: 'conv', out: 6, kernel: 5, activation: 'relu' }, // 28×28×1 → 24×24×6
    { type: 'maxPool', size: 2 }, // → 12×12×6, the conv layer's output stage
    { type: 'conv', out: 16, kernel: 5, padding: 'same', activation: 'relu' }, // → 12×12×16
    { type: 'avgPool', size: 2 }, // → 6×6×16
    { type: 'flatten' }, // free: NHWC rows are already flat
    { out: 10, activation: 'softmax' },
  ],
});
const conv = net.layers[0] as ConvLayer;
console.log(conv.weights.shape, conv.outputShape, net.layers[1].outputSize); // [6, 25] [12, 12, 6] 576
const cache = net.createCache(2);
backend.randomUniform(cache.input, new Rng(2), 0, 1);
const out = await net.forward(cache).read(); // [2, 10]
console.log(
  out
    .slice(0, 10)
    .reduce((a, b) => a + b)
    .toFixed(6),
); // 1.000000
cache.dispose();
net.dispose();
backend.dispose();
