import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { Rng } from '@rfa/tensor';

const backend = createCpuBackend();
const net = createNetwork(backend, {
  rng: new Rng(1),
  init: uniformInit(0.5),
  layers: [
    { in: 4, out: 8, activation: 'tanh' },
    { out: 3, activation: 'softmax', removeFraction: 0.5 }, // 12 of W₁'s 24 entries removed for good
  ],
});
const cache = net.createCache(2); // buffers for batches of 2 rows: reuse them every step
backend.write(cache.input, [0.1, 0.2, 0.3, 0.4, -1, 0, 1, 2]);
const out = await net.forward(cache).read(); // [2, 3]; each row sums to 1
const rowSums = [0, 1].map((r) => out[r * 3] + out[r * 3 + 1] + out[r * 3 + 2]);
const mask = await net.layers[1].mask?.read();
console.log(
  rowSums.map((s) => s.toFixed(6)),
  mask?.filter((m) => m === 0).length,
);
net.dispose();
backend.dispose();
