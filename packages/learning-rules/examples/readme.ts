import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer, feedbackAlignment } from '@rfa/learning-rules';
import { angleDegrees } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';

const backend = createCpuBackend();
const rng = new Rng(1);
const net = createNetwork(backend, {
  rng,
  init: uniformInit(0.01),
  layers: [
    { in: 30, out: 20, activation: 'linear' },
    { out: 10, activation: 'linear' },
  ],
});
const trainer = createTrainer(net, feedbackAlignment(), {
  loss: 'mse',
  learningRate: 0.005,
  rng,
  trackBackprop: true,
});
const T = Float32Array.from({ length: 300 }, () => rng.uniformIn(-1, 1)); // y* = T x
const x = new Float32Array(30);
const y = new Float32Array(10);
for (let step = 1; step <= 3000; step++) {
  for (let i = 0; i < 30; i++) x[i] = rng.normal();
  for (let k = 0; k < 10; k++) {
    y[k] = 0;
    for (let i = 0; i < 30; i++) y[k] += T[k * 30 + i] * x[i];
  }
  trainer.step(x, y, 1); // forward, δ_out = e ∘ g′, δ_hidden = (δ_out·Bᵀ) ∘ f′, update W and b
  if (step % 1000 === 0) {
    const fa = trainer.lastStep.deltas[0]; // the rule's δ for hidden layer 0 (null if it teaches none)
    const bp = trainer.lastStep.backpropDeltas[0]; // backprop's, on the same state
    if (!fa || !bp) throw new Error('FA teaches the hidden layer and trackBackprop is on');
    const angle = angleDegrees(await fa.read(), await bp.read()); // angle(δ_FA, δ_BP) in degrees
    console.log(step, (await trainer.lastStep.loss()).toExponential(1), angle.toFixed(1));
  }
}
trainer.dispose();
backend.dispose();
// 1000 3.6e-4 38.5
// 2000 4.7e-8 27.6
// 3000 6.2e-10 28.3
