import { createCpuBackend } from '@rfa/backend-cpu';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolveConfig } from './config.js';
import { ConfigError } from './errors.js';
import { defineExperiment } from './experiment.js';
import { estimateMemoryBytes } from './memory-estimate.js';
import { plotSeries } from './plot-series.js';
import { experimentIds, getExperiment, registerExperiment, selectRules } from './registry.js';
import { ruleStyle } from './rules/rule-style.js';
import { runExperiment } from './run-experiment.js';

// Adding an experiment touches only @rfa/experiments: a definition like this one, its test,
// and a line in EXPERIMENTS (here `registerExperiment`, so the test leaves the list as it was).
// The toy: gradient descent on L(w) = (w − t)², starting at w₀ = t + seed; 'bp' steps along
// the exact gradient, 'fa' along half of it (a feedback weight of 0.5), so after k steps
// L = seed² (1 − 2ηg)^(2k) with g = 1 or 0.5.
const schema = z.strictObject({
  steps: z.number().int().positive().describe('gradient steps'),
  learningRate: z.number().positive().describe('η'),
});
type ToyConfig = z.infer<typeof schema>;
const FEEDBACK: Record<string, number> = { bp: 1, fa: 0.5 };

const toy = defineExperiment<ToyConfig>({
  id: 'toy',
  title: 'Toy — descent on a parabola',
  caption: 'Two rules walk down a parabola; the one with half the gradient walks slower.',
  xUnit: 'step',
  notes: 'L(w) = (w − t)², w₀ = t + seed.',
  schema,
  defaults: { steps: 2, learningRate: 0.25 },
  quick: { steps: 1, learningRate: 0.25 },
  needs: {},
  layerWidths: () => [1, 1],
  browser: { overrides: {}, note: 'the whole toy' },
  rules: { bp: { description: 'exact gradient' }, fa: { description: 'half the gradient' } },
  work: (c) => c.steps,
  async run(c, rule, ctx) {
    let w = ctx.seed;
    const step = [0];
    const loss = [w * w];
    for (let k = 1; k <= c.steps; k++) {
      w -= c.learningRate * FEEDBACK[rule] * 2 * w;
      step.push(k);
      loss.push(w * w);
      ctx.emit({ type: 'step', step: k, units: 1 });
    }
    return { final: { loss: w * w }, curves: { step, loss } };
  },
  paper: {},
  plots: [{ metric: 'loss', title: 'Loss', yTitle: 'loss', unit: 'plain', logY: true }],
  tableMetrics: ['loss'],
});

const remove = registerExperiment(toy);
afterAll(remove);

describe('a toy experiment added through the registry', () => {
  it('is listed and found by id, with its rules and config checked', () => {
    expect(experimentIds().at(-1)).toBe('toy');
    const exp = getExperiment('toy');
    expect(selectRules(exp, exp.defaults)).toEqual(['bp', 'fa']);
    expect(() => resolveConfig(exp, { overrides: { steps: 0 } })).toThrow(ConfigError);
    expect(() => registerExperiment(toy)).toThrow(/registered already/);
  });

  it('runs through runExperiment and aggregates over seeds to the closed form', async () => {
    const exp = getExperiment('toy');
    const report = await runExperiment(exp, {
      config: resolveConfig(exp),
      seeds: 2,
      backend: createCpuBackend({ kernels: 'js' }),
    });
    // bp: seed² · 0.25² = 0.0625, 0.25; fa: seed² · 0.5625² = 0.31640625, 1.265625
    expect(report.results.bp.final.loss.mean).toBeCloseTo(0.15625, 12);
    expect(report.results.bp.final.loss.sd).toBeCloseTo(0.1875 / Math.SQRT2, 12);
    expect(report.results.fa.final.loss.mean).toBeCloseTo(0.791015625, 12);
    expect(report.results.fa.curves.loss).toEqual([2.5, 1.40625, 0.791015625]);

    const lines = plotSeries(exp, exp.plots[0], report.results);
    expect(lines.map((l) => [l.rule, l.colour, l.y])).toEqual([
      ['bp', ruleStyle('bp').colour, [2.5, 0.625, 0.15625]],
      ['fa', ruleStyle('fa').colour, [2.5, 1.40625, 0.791015625]],
    ]);
    // one 1×1 weight, four float32 copies, two rules
    expect(estimateMemoryBytes(exp, exp.defaults, ['bp', 'fa'])).toBe(32);
  });
});
