import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCpuBackend } from '@rfa/backend-cpu';
import { createLinearTask } from '@rfa/datasets';
import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer, feedbackAlignment, type Trainer } from '@rfa/learning-rules';
import { normalisedSquaredError } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';
import { train } from '@rfa/train';
import { loadCheckpoint, saveCheckpoint } from '@rfa/train/node';

const task = createLinearTask({ seed: 1 }); // Fig. 2: y* = T x, 30 inputs, 10 outputs
const backend = createCpuBackend();
const rng = new Rng(2);
const network = createNetwork(backend, {
  rng,
  init: uniformInit(0.01),
  layers: [
    { in: 30, out: 20, activation: 'linear' },
    { out: 10, activation: 'linear' },
  ],
});
const fa = feedbackAlignment();
const trainer = createTrainer(network, fa, { loss: 'mse', learningRate: 0.005, rng });
const heldOut = task.heldOut;
const nse = async (t: Trainer) =>
  normalisedSquaredError(
    await t.predict(heldOut.inputs, heldOut.count).read(),
    heldOut.targets,
    heldOut.count,
    10,
  );
const controller = new AbortController(); // controller.abort() stops the loop before its next step

const result = await train({
  trainer,
  data: task, // a stream: sample(batchSize) gives the next examples
  steps: 2000,
  batchSize: 1,
  evaluateEvery: 500,
  evaluate: async (t) => ({ nse: await nse(t) }),
  signal: controller.signal,
  onEvent: (e) => {
    if (e.type === 'evaluation') console.log(e.step, e.metrics?.nse.toExponential(1));
  },
}); // 0 1.0e+0, 500 1.3e-3, 1000 1.3e-5, 1500 2.0e-7, 2000 3.9e-9
console.log(result.stoppedBy, result.steps); // done 2000

const dir = await mkdtemp(join(tmpdir(), 'rfa-example-'));
await saveCheckpoint(join(dir, 'fa.rfackpt'), trainer, { rule: fa, rngs: { data: task.rng } });
const saved = await loadCheckpoint(join(dir, 'fa.rfackpt'));
console.log(saved.header.step, saved.header.rule.name, saved.tensors.size); // 2000 feedbackAlignment 5
await rm(dir, { recursive: true });
trainer.dispose();
backend.dispose();
