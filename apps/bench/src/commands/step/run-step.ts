import { createCpuBackend } from '@rfa/backend-cpu';
import { createRule, RULES } from '@rfa/experiments';
import { createNetwork, type Network, zerosInit } from '@rfa/layers';
import { createTrainer, type Trainer } from '@rfa/learning-rules';
import { type Backend, Rng, type RngState } from '@rfa/tensor';
import { restoreSnapshot, type Snapshot, takeSnapshot } from '@rfa/train';
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

/** The spec's weights, biases and given feedback under the names `@rfa/train`'s snapshots use. */
function specSnapshot(spec: StepSpec, rng: RngState): Snapshot {
  const values = new Map<string, Float32Array>();
  spec.layers.forEach((_, i) => {
    values.set(`layers.${i}.weights`, Float32Array.from(spec.weights[i].flat()));
    values.set(`layers.${i}.bias`, Float32Array.from(spec.biases[i]));
  });
  // random feedback comes from the spec; derived feedback (sign symmetry) follows W
  const kind = RULES[spec.rule].feedback;
  const given = kind === 'transposed' ? spec.feedback : kind === 'direct' ? spec.directFeedback : null;
  given?.forEach((matrix, layer) => {
    if (matrix) values.set(`feedback.${layer}`, Float32Array.from(matrix.flat()));
  });
  return { step: 0, values, rng };
}

function trainerFor(net: Network, spec: StepSpec): Trainer {
  try {
    return createTrainer(net, createRule(spec.rule), {
      loss: spec.loss,
      learningRate: spec.lr,
      weightDecay: spec.weightDecay,
      rng: new Rng(0),
    });
  } catch (err) {
    throw new CliError(`spec: ${(err as Error).message}`);
  }
}

/** Performs exactly one update as the spec describes and returns what it computed. */
export async function runStep(spec: StepSpec, backend: Backend = createCpuBackend()): Promise<StepResult> {
  const net = createNetwork(backend, {
    rng: new Rng(0),
    init: zerosInit(),
    layers: spec.layers.map((l) => ({ in: l.in, out: l.out, activation: l.activation })),
  });
  let trainer = trainerFor(net, spec);
  restoreSnapshot(trainer, specSnapshot(spec, trainer.options.rng.getState()));
  if (RULES[spec.rule].feedback === 'derived') {
    // a rule that derives its feedback from W does so when it is bound: bind it to the spec's W
    trainer.dispose();
    trainer = trainerFor(net, spec);
  }
  const batch = spec.x.length;
  trainer.step(Float32Array.from(spec.x.flat()), Float32Array.from(spec.target.flat()), batch);
  const loss = await trainer.lastStep.loss();
  const deltas = await Promise.all(
    trainer.lastStep.deltas.map(async (d, i) => (d ? rows(await d.read(), spec.layers[i].out) : null)),
  );
  const after = (await takeSnapshot(trainer)).values;
  const weights = spec.layers.map((l, i) => rows(after.get(`layers.${i}.weights`)!, l.in));
  const biases = spec.layers.map((_, i) => Array.from(after.get(`layers.${i}.bias`)!));
  trainer.dispose();
  net.dispose();
  return { weights, biases, deltas, loss };
}
