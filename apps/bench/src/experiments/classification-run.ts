import { Batcher, type Dataset } from '@rfa/datasets';
import { createNetwork, type Initializer, type LayerConfig } from '@rfa/layers';
import { createTrainer, type RuleFactory, type Trainer } from '@rfa/learning-rules';
import { angleDegrees, classificationError } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';
import { checkAborted, yieldToEventLoop } from './abort.js';
import type { ExperimentContext, RuleRun } from './types.js';

export interface ClassificationRunOptions {
  train: Dataset;
  test: Dataset;
  layers: LayerConfig[];
  init: Initializer;
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
}

/** Test-set classification error, forward passes in chunks of 1000. */
export async function testError(trainer: Trainer, test: Dataset): Promise<number> {
  const chunk = 1000;
  let wrong = 0;
  const classes = test.targetSize;
  for (let start = 0; start < test.count; start += chunk) {
    const n = Math.min(chunk, test.count - start);
    const out = await trainer
      .predict(test.inputs.subarray(start * test.inputSize, (start + n) * test.inputSize), n)
      .read();
    wrong += Math.round(classificationError(out, test.labels!.subarray(start, start + n), n, classes) * n);
  }
  return wrong / test.count;
}

/**
 * Trains a classifier with shuffled mini-batches and records test error and the
 * angle between the rule's signal to the top hidden layer and backprop's.
 * The x axis of the curves is epochs (fractional between evaluations).
 */
export async function classificationRun(
  o: ClassificationRunOptions,
  ctx: ExperimentContext,
): Promise<RuleRun> {
  const rng = new Rng(o.seed);
  const network = createNetwork(ctx.backend, { rng, init: o.init, layers: o.layers });
  const trainer = createTrainer(network, o.rule, {
    loss: 'mse',
    learningRate: o.learningRate,
    weightDecay: o.weightDecay,
    rng,
    trackBackprop: true,
  });
  const batcher = new Batcher(o.train, { batchSize: o.batchSize, rng: rng.fork() });
  const hidden = network.layers.length - 2;
  const angleEvery = o.angleEvery ?? 10;
  const perEval = Math.ceil(batcher.batchesPerEpoch / o.evaluationsPerEpoch);
  const curves: Record<string, number[]> = { step: [], testError: [], deltaAngle: [] };
  let window: number[] = [];
  const evaluate = async (epochs: number) => {
    curves.step.push(epochs);
    curves.testError.push(await testError(trainer, o.test));
    curves.deltaAngle.push(window.length ? window.reduce((s, v) => s + v, 0) / window.length : Number.NaN);
    window = [];
  };
  await evaluate(0);
  let step = 0;
  let ticked = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    trainer.setLearningRate(o.learningRate * (epoch === 0 ? 1 : (o.laterEpochsFactor ?? 1)));
    const batchesNow = Math.round(Math.min(1, o.epochs - epoch) * batcher.batchesPerEpoch);
    let inEpoch = 0;
    for (const batch of batcher.epoch()) {
      if (inEpoch === batchesNow) break;
      trainer.step(batch.inputs, batch.targets, batch.size);
      step++;
      inEpoch++;
      const d = hidden >= 0 ? trainer.lastDeltas()[hidden] : null;
      if (d && step % angleEvery === 0)
        window.push(angleDegrees(await d.read(), await trainer.lastBackpropDeltas()[hidden].read()));
      if (inEpoch % perEval === 0 || inEpoch === batchesNow) {
        await evaluate(epoch + inEpoch / batcher.batchesPerEpoch);
        ctx.progress.tick((step - ticked) * o.batchSize);
        ticked = step;
        checkAborted(ctx.signal);
      } else if (inEpoch % 64 === 0) {
        await yieldToEventLoop();
        checkAborted(ctx.signal);
      }
    }
  }
  const final: Record<string, number> = { testError: curves.testError.at(-1)! };
  if (curves.deltaAngle.some(Number.isFinite)) final.deltaAngle = curves.deltaAngle.at(-1)!;
  else delete curves.deltaAngle;
  trainer.dispose();
  network.dispose();
  return { final, curves };
}
