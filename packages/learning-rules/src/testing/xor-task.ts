import { createNetwork } from '@rfa/layers';
import { type Backend, Rng } from '@rfa/tensor';
import type { RuleFactory } from '../rule.js';
import { createTrainer } from '../trainer.js';

// A 4-class task no linear read-out of the inputs solves: x ~ N(0, I_10), the class is two
// XOR bits, [x0 x1 > 0] + 2 [x2 x3 > 0] (the other 6 inputs are distractors). Chance error 75%.
const [IN, CLASSES] = [10, 4];
const xorLabel = (x: ArrayLike<number>): number => (x[0] * x[1] > 0 ? 1 : 0) + (x[2] * x[3] > 0 ? 2 : 0);

function sample(label: (x: ArrayLike<number>) => number, rng: Rng, count: number) {
  const x = new Float32Array(count * IN).map(() => rng.normal());
  const labels = Array.from({ length: count }, (_, r) => label(x.subarray(r * IN, (r + 1) * IN)));
  const y = new Float32Array(count * CLASSES);
  labels.forEach((c, r) => {
    y[r * CLASSES + c] = 1;
  });
  return { x, y, labels };
}

/**
 * Trains a 10-32-4 tanh/logistic net (squared error, batch 8) with `rule` on the two-XOR task
 * and returns its error on 1000 held-out examples (chance: 0.75).
 */
export function xorTaskError(backend: Backend, rule: RuleFactory, steps = 3000, learningRate = 0.5): number {
  const label = xorLabel;
  const net = createNetwork(backend, {
    rng: new Rng(3),
    init: { kind: 'uniform', scale: 0.3 },
    layers: [
      { in: IN, out: 32, activation: 'tanh' },
      { out: CLASSES, activation: 'logistic' },
    ],
  });
  const trainer = createTrainer(net, rule, { loss: 'mse', learningRate, rng: new Rng(4) });
  const data = new Rng(5);
  for (let s = 0; s < steps; s++) {
    const b = sample(label, data, 8);
    trainer.step(b.x, b.y, 8);
  }
  const test = sample(label, new Rng(6), 1000);
  const cache = net.createCache(1000);
  backend.write(cache.input, test.x);
  const out = net.forward(cache).readSync();
  cache.dispose();
  let wrong = 0;
  test.labels.forEach((c, r) => {
    const row = out.subarray(r * CLASSES, (r + 1) * CLASSES);
    if (row.indexOf(Math.max(...row)) !== c) wrong++;
  });
  trainer.dispose();
  net.dispose();
  return wrong / 1000;
}
