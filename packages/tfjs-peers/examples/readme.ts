import { createCpuBackend } from '@rfa/backend-cpu';
import { makeExampleBlock, RfaSpeedTrainer, type TrainSetup } from '@rfa/experiments/internal';
import { tfjsTrainers } from '@rfa/tfjs-peers';
import { loadTfjs } from '@rfa/tfjs-peers/node';

// One network, trained by FA in rfa and in TensorFlow.js from the same start values.
const setup: TrainSetup = {
  sizes: [20, 16, 4],
  rule: 'fa',
  batch: 4,
  learningRate: 0.5,
  block: makeExampleBlock(20, 4, 16, 3), // 16 random examples, generator seed 3
  seed: 5,
};
const backend = createCpuBackend();
const rfa = new RfaSpeedTrainer('rfa-cpu', backend, setup);
const state = await rfa.initialState();
const { tf, peers } = await loadTfjs();
const peerTrainers = await tfjsTrainers(tf, peers, setup, state);

for (const trainer of [rfa, ...peerTrainers]) {
  await trainer.activate();
  for (let i = 0; i < 20; i++) trainer.step(i === 19);
  console.log(trainer.impl, (await trainer.loss()).toFixed(5)); // the same loss to about 1e-5
  trainer.dispose();
}
backend.dispose();
