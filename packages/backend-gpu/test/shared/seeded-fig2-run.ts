// One seeded computation run identically in Node and in the browser page: the first
// draws of the Rng and a short FA training run on the fig2 task. Bit-equal results
// in both show that a seed gives the same numbers everywhere.
import { createLinearTask } from '@rfa/datasets';
import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer, feedbackAlignment } from '@rfa/learning-rules';
import { type Backend, Rng } from '@rfa/tensor';

export interface SeededRun {
  uniforms: number[];
  normals: number[];
  /** The trained network's outputs on 20 held-out examples, after 300 online FA steps. */
  outputs: number[];
}

export async function seededFig2Run(backend: Backend): Promise<SeededRun> {
  const rng = new Rng(2016);
  const uniforms = Array.from({ length: 8 }, () => rng.uniform());
  const normals = Array.from({ length: 8 }, () => rng.normal());
  const task = createLinearTask({ seed: 5, heldOutSize: 20 });
  const netRng = new Rng(6);
  const net = createNetwork(backend, {
    rng: netRng,
    init: uniformInit(0.01),
    layers: [
      { in: 30, out: 20, activation: 'tanh' },
      { out: 10, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(net, feedbackAlignment({ init: uniformInit(0.5) }), {
    loss: 'mse',
    learningRate: 0.01,
    rng: netRng,
  });
  const batch = { inputs: new Float32Array(30), targets: new Float32Array(10) };
  for (let s = 0; s < 300; s++) {
    task.sample(1, batch);
    trainer.step(batch.inputs, batch.targets, 1);
  }
  const outputs = Array.from(await trainer.predict(task.heldOut.inputs, 20).read());
  trainer.dispose();
  net.dispose();
  return { uniforms, normals, outputs };
}
