import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError } from '@rfa/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { InterruptedError } from './abort.js';
import { type Fig4Config, fig4, fig4Config } from './fig4.js';
import { FIG4_EPOCHS_ENV, FIG4_SIZE_ENV, fig4EnvChoices } from './fig4-env.js';
import type { ExperimentContext } from './types.js';

const backend = createCpuBackend();
afterAll(() => backend.dispose());

function context(signal = new AbortController().signal) {
  let ticked = 0;
  const ctx: ExperimentContext = {
    backend,
    seed: 1,
    quick: true,
    signal,
    progress: {
      tick: (u) => {
        ticked += u;
      },
    },
  };
  return { ctx, ticked: () => ticked };
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
    const { ctx, ticked } = context();
    const outcome = await fig4.runSeed(config, ctx);
    expect(Object.keys(outcome)).toEqual(['fa']);
    const { final, curves } = outcome.fa;
    expect(Number.isFinite(final.testError)).toBe(true);
    expect(final.testError).toBeGreaterThanOrEqual(0);
    expect(final.testError).toBeLessThanOrEqual(1);
    expect(curves.step).toEqual([0, 0.5, 1]); // x axis: epochs
    expect(curves.testError).toHaveLength(curves.step.length);
    expect(curves.testError.at(-1)).toBe(final.testError);
    expect(ticked()).toBeCloseTo(fig4.work(config), 6);
    // a seed fixes every draw: weights, the training subset and order, every spike
    const again = await fig4.runSeed(config, context().ctx);
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
    const { fa } = await fig4.runSeed(config, context().ctx);
    expect(fa.curves.testError[0]).toBeGreaterThan(0.7); // untrained: near chance
    expect(fa.final.testError).toBeLessThan(0.6);
  }, 20_000);

  it('stops with InterruptedError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fig4.runSeed(tiny(), context(controller.signal).ctx)).rejects.toThrow(InterruptedError);
  });

  it("picks the paper's full-size network and the epochs from the environment for a full run, never for --quick", () => {
    const before = { ...process.env };
    try {
      process.env[FIG4_SIZE_ENV] = 'paper';
      process.env[FIG4_EPOCHS_ENV] = '1';
      expect(fig4.config(false)).toMatchObject({
        layers: [784, 1500, 1500, 1500, 1000],
        learningRate: 1e-3,
        epochs: 1,
      });
      expect(fig4.config(true)).toMatchObject({ size: 'quick', epochs: 1, trainExamples: 20000 });
      delete process.env[FIG4_SIZE_ENV];
      delete process.env[FIG4_EPOCHS_ENV];
      expect(fig4.config(false)).toMatchObject({
        layers: [784, 500, 500, 1000],
        epochs: 3,
        testExamples: 10000,
      });
    } finally {
      for (const key of [FIG4_SIZE_ENV, FIG4_EPOCHS_ENV]) {
        if (before[key] === undefined) delete process.env[key];
        else process.env[key] = before[key];
      }
    }
  });

  it('rejects an unusable size or epoch count, naming the variable', () => {
    expect(() => fig4EnvChoices({ [FIG4_SIZE_ENV]: 'huge' })).toThrow(OptionError);
    expect(() => fig4EnvChoices({ [FIG4_SIZE_ENV]: 'huge' })).toThrow(/RFA_FIG4_SIZE.*huge/);
    expect(() => fig4EnvChoices({ [FIG4_EPOCHS_ENV]: '0.5' })).toThrow(/RFA_FIG4_EPOCHS.*0\.5/);
    expect(fig4EnvChoices({})).toEqual({ size: 'reference' });
  });
});
