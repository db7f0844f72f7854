import { createCpuBackend } from '@rfa/backend-cpu';
import { createRule, RULES } from '@rfa/experiments';
import { createNetwork, zerosInit } from '@rfa/layers';
import { createTrainer, type Trainer } from '@rfa/learning-rules';
import { type Backend, Rng } from '@rfa/tensor';
import { CliError } from '../../cli-error.js';
import type { StepSpec } from './spec.js';

export interface StepResult {
  weights: number[][][];
  biases: number[][];
  deltas: (number[][] | null)[];
  loss: number;
}

const rows = (flat: Float32Array, cols: number): number[][] =>
  Array.from({ length: flat.length / cols }, (_, i) => Array.from(flat.subarray(i * cols, (i + 1) * cols)));

/** Performs exactly one update as the spec describes and returns what it computed. */
export async function runStep(spec: StepSpec, backend: Backend = createCpuBackend()): Promise<StepResult> {
  const net = createNetwork(backend, {
    rng: new Rng(0),
    init: zerosInit(),
    layers: spec.layers.map((l) => ({ in: l.in, out: l.out, activation: l.activation })),
  });
  net.layers.forEach((layer, i) => {
    backend.write(layer.weights, spec.weights[i].flat());
    backend.write(layer.bias, spec.biases[i]);
  });
  let trainer: Trainer;
  try {
    trainer = createTrainer(net, createRule(spec.rule), {
      loss: spec.loss,
      learningRate: spec.lr,
      weightDecay: spec.weightDecay,
      rng: new Rng(0),
    });
  } catch (err) {
    throw new CliError(`spec: ${(err as Error).message}`);
  }
  // random feedback comes from the spec; derived feedback (sign symmetry) was computed from its W
  const kind = RULES[spec.rule].feedback;
  const given = kind === 'transposed' ? spec.feedback : kind === 'direct' ? spec.directFeedback : null;
  if (given) for (const fb of trainer.rule.feedback()) backend.write(fb.tensor, given[fb.layer]!.flat());
  const batch = spec.x.length;
  trainer.step(Float32Array.from(spec.x.flat()), Float32Array.from(spec.target.flat()), batch);
  const loss = await trainer.lastStep.loss();
  const deltas = await Promise.all(
    trainer.lastStep.deltas.map(async (d, i) => (d ? rows(await d.read(), spec.layers[i].out) : null)),
  );
  const weights = await Promise.all(net.layers.map(async (l) => rows(await l.weights.read(), l.inputSize)));
  const biases = await Promise.all(net.layers.map(async (l) => Array.from(await l.bias.read())));
  trainer.dispose();
  net.dispose();
  return { weights, biases, deltas, loss };
}
