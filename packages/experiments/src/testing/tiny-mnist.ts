import { createDataset, type Dataset, type Mnist, oneHot } from '@rfa/datasets';
import { Rng } from '@rfa/tensor';

/**
 * A stand-in for MNIST with the real shapes (784 pixels in [0, 1], 10 classes): each class
 * is a random prototype, each image its class's prototype with 20% of pixels flipped.
 */
export function tinyMnist(trainCount: number, testCount: number, seed = 1): Mnist {
  const rng = new Rng(seed);
  const prototypes = Array.from({ length: 10 }, () =>
    Float32Array.from({ length: 784 }, () => (rng.uniform() < 0.3 ? 1 : 0)),
  );
  const make = (count: number): Dataset => {
    const inputs = new Float32Array(count * 784);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const c = rng.int(10);
      labels[i] = c;
      for (let p = 0; p < 784; p++) {
        const v = prototypes[c][p];
        inputs[i * 784 + p] = rng.uniform() < 0.2 ? 1 - v : v;
      }
    }
    return createDataset({ inputs, targets: oneHot(labels, 10), labels, inputSize: 784, targetSize: 10 });
  };
  return { train: make(trainCount), test: make(testCount) };
}
