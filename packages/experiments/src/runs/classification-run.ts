import { Batcher, type BatcherState, type Dataset } from '@rfa/datasets';
import {
  ConvLayer,
  createNetwork,
  type Initializer,
  type Network,
  type NetworkLayerConfig,
} from '@rfa/layers';
import { createTrainer, type Loss, type RuleFactory, type Trainer } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { train } from '@rfa/train';
import type { RuleRun } from '../types.js';
import { ALIGNMENT_METRICS, AlignmentProbe, UPDATE_ANGLE_METRICS } from './alignment-probe.js';
import { Curves, finiteOnly } from './curves.js';
import { feedbackGeometry } from './feedback-geometry.js';
import { finishTrainerRun, trainEvents } from './finish.js';
import type { RunContext } from './run-context.js';
import { testError } from './test-error.js';
import { resumeTrainer, saveTrainer } from './trainer-checkpoint.js';

export interface ClassificationRunOptions {
  train: Dataset;
  test: Dataset;
  layers: NetworkLayerConfig[];
  /** For an image input (conv layers): [height, width, channels]. */
  inputShape?: [number, number, number];
  init: Initializer;
  /** Default 'mse' (the paper's squared error on one-hot targets); 'sigmoid-ce' needs logistic outputs. */
  loss?: Loss;
  /** Classical momentum of the shared update (default 0). */
  momentum?: number;
  /**
   * Also record `layerAngle{l}` and `layerNormRatio{l}` for every layer l ≥ 1: its W against the
   * feedback that carries its error down (see `feedbackGeometry`), at each evaluation.
   */
  perLayerAngles?: boolean;
  rule: RuleFactory;
  learningRate: number;
  /** Multiplies the learning rate from the second epoch on (default 1: constant). */
  laterEpochsFactor?: number;
  weightDecay: number;
  batchSize: number;
  /** Passes over the training set; a fraction ends the last pass early (2.5: two and a half). */
  epochs: number;
  /** Evaluations per epoch. */
  evaluationsPerEpoch: number;
  seed: number;
  /** Measure the delta angle on every k-th step (it costs two small readbacks). */
  angleEvery?: number;
  /** Also record the angle between the rule's weight update and backprop's (`UPDATE_ANGLE_METRICS`), on the same steps as the delta angle. */
  updateAngles?: boolean;
  /** Keep this many first-layer units' incoming weights as images at the end (Supplementary Fig. 5). */
  receptiveFields?: number;
}

/**
 * The first `units` rows of W0 as images, to 4 decimals: a dense layer's rows are images of
 * the input (28 × 28 for MNIST), a conv layer's are its kernels (kH × kW; one input channel).
 */
async function receptiveFields(network: Network, units: number) {
  const w = network.layers[0];
  const values = await w.weights.read();
  const [rowCount, rowLength] = w.weights.shape;
  let width = Math.round(Math.sqrt(rowLength));
  if (w instanceof ConvLayer) {
    if (w.geometry.channels !== 1) return undefined;
    width = w.geometry.kernelWidth;
  }
  const rows = Math.min(units, rowCount);
  return {
    width,
    height: rowLength / width,
    units: Array.from(
      { length: rows },
      (_, r) =>
        Array.from(
          values.subarray(r * rowLength, (r + 1) * rowLength),
          (v) => Math.round(v * 1e4) / 1e4 || 0,
        ), // || 0: no −0, which JSON would not keep
    ),
  };
}

/** `layerAngle{l}` and `layerNormRatio{l}` for layers 1..L−1. */
const layerMetricNames = (layers: number) =>
  Array.from({ length: layers - 1 }, (_, i) => [`layerAngle${i + 1}`, `layerNormRatio${i + 1}`]).flat();

async function layerGeometry(t: Trainer): Promise<Record<string, number>> {
  const feedback = t.rule.feedback();
  const out: Record<string, number> = {};
  for (let l = 1; l < t.network.layers.length; l++) {
    const g = await feedbackGeometry(t.network, feedback, l);
    out[`layerAngle${l}`] = g.angle;
    out[`layerNormRatio${l}`] = g.normRatio;
  }
  return out;
}

/**
 * Trains a classifier with shuffled mini-batches through `@rfa/train`'s loop and records
 * test error and the angle between the rule's signal to the top hidden layer and
 * backprop's. The x axis of the curves is epochs (fractional between evaluations).
 * Checkpoints are taken at epoch ends, where the batch order can be saved whole.
 */
export async function classificationRun(o: ClassificationRunOptions, ctx: RunContext): Promise<RuleRun> {
  const rng = new Rng(o.seed);
  const network = createNetwork(ctx.backend, {
    rng,
    init: o.init,
    layers: o.layers,
    ...(o.inputShape ? { inputShape: o.inputShape } : {}),
  });
  const trainer = createTrainer(network, o.rule, {
    loss: o.loss ?? 'mse',
    learningRate: o.learningRate,
    weightDecay: o.weightDecay,
    ...(o.momentum ? { momentum: o.momentum } : {}),
    rng,
    trackBackprop: true,
  });
  ctx.onModel?.({ kind: 'trainer', trainer });
  try {
    const batcher = new Batcher(o.train, { batchSize: o.batchSize, rng: rng.fork() });
    const perEpoch = batcher.batchesPerEpoch;
    const passes = Math.ceil(o.epochs);
    // whole passes, then the fraction of the last one
    const totalSteps =
      Math.floor(o.epochs) * perEpoch + Math.round((o.epochs - Math.floor(o.epochs)) * perEpoch);
    const parts = { rule: o.rule, rngs: {} };
    const saved = await resumeTrainer(ctx, trainer, parts);
    if (saved) batcher.setState(saved.batcher as BatcherState);
    const epochsDone = Math.floor(trainer.steps / perEpoch);
    const metrics = [
      'testError',
      ...ALIGNMENT_METRICS,
      ...(o.perLayerAngles ? layerMetricNames(network.layers.length) : []),
      ...(o.updateAngles ? UPDATE_ANGLE_METRICS : []),
    ];
    const curves = new Curves(metrics, ctx, saved?.curves as Record<string, (number | null)[]> | undefined);
    const angleEvery = o.angleEvery ?? 10;
    const probe = new AlignmentProbe(() => true, { updateAngles: o.updateAngles });
    probe.restore(saved?.probe as { recent?: number[] } | undefined);
    const perEval = Math.ceil(perEpoch / o.evaluationsPerEpoch);
    const position = (step: number) => {
      const epoch = Math.floor((step - 1) / perEpoch);
      return { epoch, inEpoch: step - epoch * perEpoch };
    };

    const evaluate = async (t: Trainer): Promise<Record<string, number>> => {
      const { epoch, inEpoch } = t.steps === 0 ? { epoch: 0, inEpoch: 0 } : position(t.steps);
      const point = {
        step: epoch + inEpoch / perEpoch,
        testError: await testError(t, o.test),
        ...(await probe.point(t)),
        ...(o.perLayerAngles ? await layerGeometry(t) : {}),
      };
      curves.add(point);
      const { step: _, ...metrics } = point;
      return finiteOnly(metrics);
    };

    if (trainer.steps >= totalSteps) return finishTrainerRun({ stoppedBy: 'done' }, curves, metrics);
    const result = await train({
      trainer,
      data: batcher,
      epochs: passes - epochsDone,
      steps: totalSteps - trainer.steps,
      learningRateSchedule: (e) => o.learningRate * (e + epochsDone === 0 ? 1 : (o.laterEpochsFactor ?? 1)),
      evaluateAt: (s) => {
        const { inEpoch } = position(s);
        return inEpoch % perEval === 0 || inEpoch === perEpoch || s === totalSteps;
      },
      evaluateAtStart: saved === null,
      evaluate,
      afterStep: async (t) => {
        if (ctx.gate) await ctx.gate();
        if (t.steps % angleEvery === 0) await probe.afterStep(t);
      },
      afterEvaluation: async (t) => {
        if (t.steps > 0 && t.steps % perEpoch === 0)
          await saveTrainer(ctx, t, parts, {
            curves: curves.values,
            batcher: batcher.getState(),
            probe: probe.state(),
          });
      },
      divergence: { metrics: ['testError'] },
      signal: ctx.signal,
      ...trainEvents(ctx, (steps) => steps * o.batchSize, trainer.steps),
    });
    const run = finishTrainerRun(result, curves, metrics);
    const fields = o.receptiveFields ? await receptiveFields(network, o.receptiveFields) : undefined;
    if (fields) run.snapshots = { receptiveFields: fields };
    return run;
  } finally {
    ctx.onModel?.(null);
    trainer.dispose();
    network.dispose();
  }
}
