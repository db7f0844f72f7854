import {
  createSpikingNetwork,
  type LabelledSet,
  type SpikingNetwork,
  type SpikingNetworkOptions,
} from '@rfa/spiking';
import { OptionError, Rng } from '@rfa/tensor';
import { checkAborted, yieldToEventLoop } from './abort.js';
import { populationBatches } from './population-batches.js';
import type { ExperimentContext, RuleRun } from './types.js';

export interface SpikingRunOptions {
  train: LabelledSet;
  test: LabelledSet;
  /** Everything but `rng`, which is drawn from `seed`. */
  network: Omit<SpikingNetworkOptions, 'rng'>;
  epochs: number;
  /** Training images per epoch: a random subset fixed for the run, reshuffled each epoch (all of them if ≥ count). */
  trainExamples: number;
  /** The first `testExamples` test images are scored at each evaluation. */
  testExamples: number;
  evaluationsPerEpoch: number;
  seed: number;
}

/** Progress units: a test image costs about half a training image (5 steps without plasticity or feedback). */
export const TEST_IMAGE_WORK = 0.5;

/** Test error of the first `count` images of `test`; ticks progress and honours Ctrl-C between batches. */
async function testError(
  net: SpikingNetwork,
  test: LabelledSet,
  count: number,
  ctx: ExperimentContext,
): Promise<number> {
  const rows = net.options.parallel;
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  let wrong = 0;
  let start = 0;
  for (const b of populationBatches(test, order, rows, net.options.classes, net.options.unitsPerClass)) {
    const guess = await net.predict(b.inputs);
    const valid = Math.min(rows, count - start);
    for (let r = 0; r < valid; r++) if (guess[r] !== b.labels[r]) wrong++;
    start += rows;
    ctx.progress.tick(valid * TEST_IMAGE_WORK, 'fa: test');
    checkAborted(ctx.signal);
  }
  return wrong / count;
}

/**
 * Trains the spiking network online with feedback alignment, `parallel` images
 * side by side, and scores it on the test set `evaluationsPerEpoch` times per
 * epoch (and once before training). The curves' x axis is epochs over the
 * training images used.
 */
export async function spikingRun(o: SpikingRunOptions, ctx: ExperimentContext): Promise<RuleRun> {
  const trainCount = Math.min(o.trainExamples, o.train.count);
  const testCount = Math.min(o.testExamples, o.test.count);
  if (trainCount < 1 || testCount < 1)
    throw new OptionError('spikingRun: trainExamples and testExamples must be at least 1');
  const net = createSpikingNetwork(ctx.backend, { ...o.network, rng: new Rng(o.seed) });
  const { parallel: rows, classes, unitsPerClass } = net.options;
  const targets = ctx.backend.zeros([rows, net.outputSize]);
  const shuffle = new Rng(o.seed + 1);
  const all = Uint32Array.from({ length: o.train.count }, (_, i) => i);
  shuffle.shuffle(all);
  const order = all.subarray(0, trainCount);
  const batches = Math.ceil(trainCount / rows);
  const perEval = Math.ceil(batches / o.evaluationsPerEpoch);
  const curves: Record<string, number[]> = { step: [], testError: [] };
  const evaluate = async (epochs: number) => {
    curves.step.push(epochs);
    curves.testError.push(await testError(net, o.test, testCount, ctx));
  };
  try {
    await evaluate(0);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      if (epoch > 0) shuffle.shuffle(order);
      let done = 0;
      let ticked = 0;
      for (const b of populationBatches(o.train, order, rows, classes, unitsPerClass)) {
        ctx.backend.write(targets, b.targets);
        net.trainExample(b.inputs, targets);
        done++;
        if (done % 20 === 0 || done === batches) {
          const seen = Math.min(done * rows, trainCount);
          ctx.progress.tick(seen - ticked, 'fa: train');
          ticked = seen;
        }
        if (done % perEval === 0 || done === batches) await evaluate(epoch + done / batches);
        else if (done % 20 === 0) await yieldToEventLoop();
        checkAborted(ctx.signal);
      }
    }
  } finally {
    targets.dispose();
    net.dispose();
  }
  return { final: { testError: curves.testError.at(-1)! }, curves };
}
