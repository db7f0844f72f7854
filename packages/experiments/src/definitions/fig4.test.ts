import type { SpikeTrace } from '@rfa/spiking';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../errors.js';
import type { ExperimentEvent } from '../events.js';
import { loadExperimentData } from '../node.js';
import { runSeed } from '../testing/run-seed.js';
import { type Fig4Config, fig4, fig4Config, learningRateSchedule } from './fig4.js';

const data = await loadExperimentData(fig4);

function context(signal = new AbortController().signal) {
  let ticked = 0;
  const onEvent = (e: ExperimentEvent) => {
    if (e.type === 'step') ticked += e.units;
  };
  return { options: { data, signal, onEvent }, ticked: () => ticked };
}

const tiny = (over: Partial<Fig4Config> = {}): Fig4Config => ({
  ...fig4Config('quick'),
  layers: [784, 50, 50, 1000],
  trainExamples: 200,
  testExamples: 100,
  evaluationsPerEpoch: 2,
  ...over,
});

describe('fig4 experiment', () => {
  it('runs a tiny config into a RuleRun with a test error in [0, 1], equal-length curves, the declared work, and repeats exactly', async () => {
    const config = tiny();
    const { options, ticked } = context();
    const outcome = await runSeed(fig4, config, options);
    expect(Object.keys(outcome)).toEqual(['fa']);
    const { final, curves } = outcome.fa;
    expect(Number.isFinite(final.testError)).toBe(true);
    expect(final.testError).toBeGreaterThanOrEqual(0);
    expect(final.testError).toBeLessThanOrEqual(1);
    expect(curves.step).toEqual([0, 0.5, 1]); // x axis: epochs
    expect(curves.testError).toHaveLength(curves.step.length);
    expect(curves.testError.at(-1)).toBe(final.testError);
    expect(ticked()).toBeCloseTo(fig4.work(config, 'fa'), 6);
    // Fig. 4's traces: 10 images × 5 steps at the start and halfway; rasters of 50 units per hidden layer and 10 per class
    const traces = outcome.fa.snapshots?.traces as Record<string, SpikeTrace>;
    expect(Object.keys(traces)).toEqual(['early', 'middle']);
    expect(traces.early.potential).toHaveLength(50);
    expect(traces.early.layers.map((l) => l.units.length)).toEqual([50, 50, 100]);
    expect(traces.early.layers[0].spikes.flat().length).toBeGreaterThan(0);
    // a seed fixes every draw: weights, the training subset and order, every spike
    const again = await runSeed(fig4, config, context().options);
    expect(again.fa.curves).toEqual(curves);
  }, 20_000);

  it('learns well above chance (90 % error) from 3000 images on a small net', async () => {
    // eta 0.01: a 50-unit net at 3e-3 is still near chance after 3000 images (0.83)
    const config = tiny({
      trainExamples: 3000,
      testExamples: 500,
      evaluationsPerEpoch: 1,
      learningRate: 0.01,
    });
    const { fa } = await runSeed(fig4, config, context().options);
    expect(fa.curves.testError[0]).toBeGreaterThan(0.7); // untrained: near chance
    expect(fa.final.testError).toBeLessThan(0.6);
  }, 20_000);

  it('stops with InterruptedError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runSeed(fig4, tiny(), context(controller.signal).options)).rejects.toThrow(InterruptedError);
  });

  it("keeps the paper's constant eta by default; a decayed schedule multiplies eta each epoch from decayFromEpoch", () => {
    const paper = learningRateSchedule(fig4Config('paper'));
    expect([1, 2, 20, 40].map(paper)).toEqual([1e-3, 1e-3, 1e-3, 1e-3]);
    const decayed = learningRateSchedule({
      ...fig4Config('paper'),
      learningRate: 0.01,
      learningRateDecay: 0.5,
      decayFromEpoch: 3,
    });
    expect([1, 2, 3, 4, 5].map(decayed)).toEqual([0.01, 0.01, 0.005, 0.0025, 0.00125]);
    expect(fig4Config('paper').testSteps).toBe(5);
    expect(fig4Config('paper').stepsPerExample).toBe(5);
  });

  it('a run with a schedule trains at the scheduled eta: decay 1 from epoch 1 equals the constant run, a decay changes epoch 2 only', async () => {
    const base = tiny({ epochs: 2, trainExamples: 100, testExamples: 50, evaluationsPerEpoch: 1 });
    const constant = await runSeed(fig4, base, context().options);
    const decayedLate = await runSeed(
      fig4,
      { ...base, learningRateDecay: 0.5, decayFromEpoch: 2 },
      context().options,
    );
    expect(decayedLate.fa.curves.testError[1]).toBe(constant.fa.curves.testError[1]);
    const frozenLate = await runSeed(
      fig4,
      { ...base, learningRateDecay: 1e-9, decayFromEpoch: 2 },
      context().options,
    );
    expect(frozenLate.fa.curves.testError.slice(0, 2)).toEqual(constant.fa.curves.testError.slice(0, 2));
    expect(frozenLate.fa.curves.testError[2]).not.toBe(constant.fa.curves.testError[2]);
  }, 20_000);
});
