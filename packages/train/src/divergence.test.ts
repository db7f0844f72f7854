import { uniformInit } from '@rfa/layers';
import { feedbackAlignment } from '@rfa/learning-rules';
import { describe, expect, it } from 'vitest';
import { DivergenceWatch } from './divergence.js';
import { dispose, fig2Trainer, heldOutNse, linearTask } from './testing/fig2.js';
import { train } from './train.js';
import type { TrainOptions } from './train-options.js';
import { trainerTensors } from './trainer-tensors.js';

describe('DivergenceWatch', () => {
  it('flags non-finite values at once and values above lossFactor × the best (floored)', () => {
    const watch = new DivergenceWatch(1e3, 1e-6);
    expect(watch.check('loss', 2)).toBeNull();
    expect(watch.check('loss', 0.5)).toBeNull();
    expect(watch.check('loss', 499)).toBeNull();
    expect(watch.check('loss', 501)).toBe('loss 501.0 exceeds 1000 × its best 0.5000');
    expect(watch.check('loss', Number.NaN)).toBe('loss is NaN');
    expect(new DivergenceWatch(1e3, 1e-6).check('nse', Number.POSITIVE_INFINITY)).toBe('nse is Infinity');
    // a best of 1e-12 counts as the floor 1e-6: 1e-4 is rounding noise, not a blow-up
    const near0 = new DivergenceWatch(1e3, 1e-6);
    near0.check('loss', 1e-12);
    expect(near0.check('loss', 1e-4)).toBeNull();
    expect(near0.check('loss', 2e-3)).not.toBeNull();
  });

  it('with a baseline, the best is the slow average: a lucky stretch at batch 1 sets no trap', () => {
    // the loss of quick fig3a's online FA (seed 3) that was once called a blow-up: ten easy
    // examples took the fast level to 1.6e-4, one wrong example later took it to 0.17
    const without = new DivergenceWatch(1e3, 1e-6);
    const withBaseline = new DivergenceWatch(1e3, 1e-6);
    for (const [level, baseline] of [
      [0.05, 0.05],
      [1.6e-4, 0.02],
      [0.01, 0.019],
    ]) {
      expect(without.check('trainLoss', level, level)).toBeNull();
      expect(withBaseline.check('trainLoss', level, level, true, baseline)).toBeNull();
    }
    expect(without.check('trainLoss', 0.17, 0.17)).toMatch(/exceeds 1000 × its best 0.0001600/);
    expect(withBaseline.check('trainLoss', 0.17, 0.17, true, 0.02)).toBeNull();
    // a real blow-up still exceeds 1000 × the best baseline (0.019) as soon as the fast level does
    expect(withBaseline.check('trainLoss', 25, 25, true, 0.3)).toBe(
      'trainLoss 25.00 exceeds 1000 × its best 0.01900',
    );
  });

  it('holds only the listed metrics to the blow-up test, all of them to finiteness', () => {
    const watch = new DivergenceWatch(10, 0, ['nse']);
    expect(watch.checkAll({ nse: 0.1, angle: 1 })).toBeNull();
    expect(watch.checkAll({ nse: 0.2, angle: 90 })).toBeNull();
    expect(watch.checkAll({ nse: 2, angle: 1 })).toMatch(/^nse 2.000 exceeds 10/);
    expect(watch.checkAll({ nse: 0.1, angle: Number.NaN })).toBe('angle is NaN');
  });
});

// A learning rate far above the stable range for x ~ N(0, I_30): online FA on fig2 blows up within ~50 steps.
async function blowUp(learningRate: number, extra: Partial<TrainOptions>) {
  const task = linearTask();
  const trainer = fig2Trainer(feedbackAlignment({ init: uniformInit(0.5) }), { learningRate });
  const seen = new Map<number, Map<string, Float32Array>>();
  const types: string[] = [];
  const result = await train({
    trainer,
    data: task,
    steps: 2000,
    batchSize: 1,
    evaluateEvery: 5,
    evaluate: async (t) => ({ nse: await heldOutNse(t, task) }),
    onEvent: (e) => {
      types.push(e.type);
      // what the weights were at each good evaluation, read independently of the loop's snapshot
      if (e.type === 'evaluation')
        seen.set(
          e.step,
          new Map(trainerTensors(trainer).map(({ name, tensor }) => [name, tensor.readSync()])),
        );
    },
    ...extra,
  });
  return { trainer, result, seen, types };
}

describe('train stops on divergence', () => {
  it('caught by the sampled training loss: stops, puts back the last good weights, reports it', async () => {
    const { trainer, result, seen, types } = await blowUp(0.02, {});
    expect(result.stoppedBy).toBe('diverged');
    const report = result.divergence!;
    expect(report.reason).toMatch(/^trainLoss (\S+) exceeds 1000 × its best/);
    expect(report.atStep % 10).toBe(0); // the loss is sampled every 10 steps
    expect(report.restoredFromStep).toBe(Math.max(...seen.keys()));
    expect(report.restoredFromStep).toBeGreaterThan(0);
    expect(report.restoredFromStep).toBeLessThan(report.atStep);
    expect([trainer.steps, result.step]).toEqual([report.restoredFromStep, report.restoredFromStep]);
    expect(types.at(-1)).toBe('diverged');
    expect(types.filter((t) => t === 'diverged')).toHaveLength(1);
    const good = seen.get(report.restoredFromStep)!;
    for (const { name, tensor } of trainerTensors(trainer)) {
      const now = tensor.readSync();
      expect(now.every(Number.isFinite)).toBe(true);
      expect(now, name).toEqual(good.get(name));
    }
    dispose(trainer);
  });

  it('caught by an evaluation metric when the loss watch is off', async () => {
    const { trainer, result, seen } = await blowUp(0.018, { divergence: { checkLossEvery: 0 } });
    const report = result.divergence!;
    expect(result.stoppedBy).toBe('diverged');
    expect(report.reason).toMatch(/^nse /);
    expect(report.atStep).toBe(report.restoredFromStep + 5);
    // the bad evaluation is in the history, the weights are those of the one before
    expect(result.history.at(-1)!.step).toBe(report.atStep);
    expect(trainerTensors(trainer)[0].tensor.readSync()).toEqual(
      seen.get(report.restoredFromStep)!.get('layers.0.weights'),
    );
    dispose(trainer);
  });

  it('runs to the end with the watch off, weights no longer finite', async () => {
    const { trainer, result } = await blowUp(0.05, { divergence: false, steps: 300 });
    expect(result.stoppedBy).toBe('done');
    expect(trainer.network.layers[0].weights.readSync().every(Number.isFinite)).toBe(false);
    dispose(trainer);
  });
});

describe('the closing evaluation', () => {
  it('is held to the watch too: a NaN there puts back the last good step', async () => {
    const trainer = fig2Trainer(feedbackAlignment());
    const atFive = new Map<string, Float32Array>();
    const result = await train({
      trainer,
      data: linearTask(),
      steps: 7,
      batchSize: 1,
      evaluateEvery: 5,
      evaluate: (t) => ({ m: t.steps === 7 ? Number.NaN : 1 }),
      onEvent: (e) => {
        if (e.type === 'evaluation' && e.step === 5)
          for (const { name, tensor } of trainerTensors(trainer)) atFive.set(name, tensor.readSync());
      },
    });
    expect(result.stoppedBy).toBe('diverged');
    expect(result.divergence).toEqual({ diverged: true, atStep: 7, reason: 'm is NaN', restoredFromStep: 5 });
    expect(result.steps).toBe(7);
    for (const { name, tensor } of trainerTensors(trainer))
      expect(tensor.readSync(), name).toEqual(atFive.get(name));
    dispose(trainer);
  });
});
