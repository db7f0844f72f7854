import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { fig2 } from './definitions/fig2.js';
import { fig4 } from './definitions/fig4.js';
import { runExperiment } from './run-experiment.js';
import type { RunModel } from './runs/run-context.js';
import { tinyMnist } from './testing/tiny-mnist.js';

const backend = createCpuBackend();

describe('runExperiment: onModel', () => {
  it('hands each rule its live trainer, readable while it trains, then null before disposing it; numbers unchanged', async () => {
    const config = resolveConfig(fig2, { overrides: { steps: 60, heldOut: 50 } });
    const plain = await runExperiment(fig2, { config, seeds: 1, backend, rules: ['bp', 'fa'] });
    const calls: { rule: string; kind: string | null }[] = [];
    const models = new Map<string, RunModel>();
    const firstWeights = new Map<string, number>();
    const watched = await runExperiment(fig2, {
      config,
      seeds: 1,
      backend,
      rules: ['bp', 'fa'],
      concurrentRules: true,
      onModel: (run, model) => {
        calls.push({ rule: run.rule, kind: model?.kind ?? null });
        if (model) models.set(run.rule, model);
        else models.delete(run.rule);
      },
      gate: () => {
        for (const [rule, m] of models)
          if (m.kind === 'trainer' && !firstWeights.has(rule))
            firstWeights.set(rule, m.trainer.network.layers[0].weights.readSync()[0]);
      },
    });
    expect(watched.results).toEqual(plain.results);
    // both built before either ends (side by side); each released once
    expect(calls.slice(0, 2)).toEqual([
      { rule: 'bp', kind: 'trainer' },
      { rule: 'fa', kind: 'trainer' },
    ]);
    expect(
      calls
        .slice(2)
        .map((c) => `${c.rule}:${c.kind}`)
        .sort(),
    ).toEqual(['bp:null', 'fa:null']);
    expect([...firstWeights.keys()].sort()).toEqual(['bp', 'fa']);
    expect(models.size).toBe(0);
  });

  it('hands the spiking run its network, whose onStep then sees every step', async () => {
    const config = resolveConfig(fig4, {
      overrides: {
        size: 'quick',
        layers: [784, 20, 100],
        unitsPerClass: 10,
        trainExamples: 20,
        testExamples: 10,
        evaluationsPerEpoch: 1,
      },
    });
    let steps = 0;
    const kinds: (string | null)[] = [];
    await runExperiment(fig4, {
      config,
      seeds: 1,
      backend,
      data: { datasets: { mnist: tinyMnist(40, 10) } },
      onModel: (_run, model) => {
        kinds.push(model?.kind ?? null);
        if (model?.kind === 'spiking')
          model.network.onStep = () => {
            steps++;
          };
      },
    });
    expect(kinds).toEqual(['spiking', null]);
    // 20 images, 10 side by side, 5 steps each
    expect(steps).toBe(2 * config.stepsPerExample);
  });
});
