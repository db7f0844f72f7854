import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { memoryStore } from './checkpoint-store.js';
import { resolveConfig } from './config.js';
import { fig2 } from './definitions/fig2.js';
import { fig3a } from './definitions/fig3a.js';
import { fig4 } from './definitions/fig4.js';
import { fig5 } from './definitions/fig5.js';
import type { ExperimentEvent } from './events.js';
import type { Experiment, ExperimentData } from './experiment.js';
import { runExperiment } from './run-experiment.js';
import { tinyMnist } from './testing/tiny-mnist.js';

const backend = createCpuBackend();
const mnist = tinyMnist(120, 40);

/** Runs once whole; once stopped after `stopAfter` evaluations; then resumed from the store. */
async function interruptAndResume<C extends object>(
  exp: Experiment<C>,
  overrides: Record<string, unknown>,
  stopAfter: number,
  data: ExperimentData = { datasets: {} },
) {
  const config = resolveConfig(exp, { overrides });
  const whole = await runExperiment(exp, { config, seeds: 1, backend, data });
  const store = memoryStore();
  const controller = new AbortController();
  let evaluations = 0;
  const first = await runExperiment(exp, {
    config,
    seeds: 1,
    backend,
    data,
    store,
    checkpointSeconds: 0,
    signal: controller.signal,
    onEvent: (e) => {
      if (e.type === 'evaluation' && ++evaluations === stopAfter) controller.abort();
    },
  });
  const keys = [...store.entries.keys()];
  const events: ExperimentEvent[] = [];
  const resumed = await runExperiment(exp, {
    config,
    seeds: 1,
    backend,
    data,
    store,
    onEvent: (e) => events.push(e),
  });
  return { whole, first, keys, resumed, events };
}

describe('runExperiment: interrupt, then resume from the store, ends bit for bit where an uninterrupted run ends', () => {
  it('fig2 (regression through @rfa/train, online)', async () => {
    const r = await interruptAndResume(fig2, { steps: 300, evaluateEvery: 50, heldOut: 100 }, 30);
    expect(r.first.interrupted).toBe(true);
    expect(r.first.seedsCompleted).toBe(0);
    // bp finished before the stop (its result stored), fa stopped mid-run (its checkpoint stored)
    expect(r.keys.some((k) => k.endsWith('seed-1/bp.run.json'))).toBe(true);
    expect(r.keys.some((k) => k.endsWith('seed-1/fa.ckpt'))).toBe(true);
    expect(r.events.find((e) => e.type === 'end' && e.rule === 'bp')).toMatchObject({ restored: true });
    expect(r.events.find((e) => e.type === 'end' && e.rule === 'fa')).toMatchObject({ restored: false });
    expect(r.resumed.results).toEqual(r.whole.results);
    expect(r.whole.results.fa.final.nse.mean).toBeLessThan(0.5);
  });

  it('fig3a (classification, checkpoints at epoch ends)', async () => {
    const overrides = {
      epochs: 2.5,
      batchSize: 4,
      evaluationsPerEpoch: 2,
      hiddenUnits: 16,
      learningRate: 2,
      rules: ['bp', 'fa'],
    };
    // evaluations: bp 0, .5, 1, 1.5, 2, 2.5; fa 0, .5, 1, 1.5 → stop in fa's second epoch
    const r = await interruptAndResume(fig3a, overrides, 10, { datasets: { mnist } });
    expect(r.first.interrupted).toBe(true);
    expect(r.keys.some((k) => k.endsWith('seed-1/fa.ckpt'))).toBe(true);
    expect(r.resumed.results).toEqual(r.whole.results);
    expect(r.whole.results.bp.curves.step).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(r.whole.results.bp.final.testError.mean).toBeLessThan(0.5);
  });

  it('fig4 (the spiking network’s own loop, resumed mid-epoch)', async () => {
    const overrides = {
      layers: [784, 30, 20],
      unitsPerClass: 2,
      epochs: 2,
      trainExamples: 60,
      testExamples: 20,
      evaluationsPerEpoch: 3,
    };
    const r = await interruptAndResume(fig4, overrides, 3, { datasets: { mnist } });
    expect(r.first.interrupted).toBe(true);
    expect(r.keys.some((k) => k.endsWith('seed-1/fa.ckpt'))).toBe(true);
    expect(r.resumed.results).toEqual(r.whole.results);
    expect(r.whole.results.fa.curves.step).toEqual([0, 1 / 3, 2 / 3, 1, 1 + 1 / 3, 1 + 2 / 3, 2]);
  });

  it('fig5 with the three-phase run (a layer-freezing schedule across the resume)', async () => {
    const overrides = {
      steps: 120,
      hiddenUnits: 40,
      evaluateEvery: 30,
      heldOut: 50,
      'threePhase.phaseSteps': [40, 40, 40],
    };
    const r = await interruptAndResume(fig5, overrides, 40);
    expect(r.first.interrupted).toBe(true);
    expect(r.resumed.results).toEqual(r.whole.results);
    expect(Object.keys(r.whole.results['fa-three-phase'].final)).toEqual(
      expect.arrayContaining(['phase1Drop', 'phase2Drop', 'phase3Drop', 'perNeuronAngle']),
    );
  });
});

describe('runExperiment: divergence', () => {
  it('a rule whose rate blows up stops with its last good weights; the others run on', async () => {
    const config = resolveConfig(fig2, { overrides: { steps: 400, heldOut: 100, 'learningRates.bp': 3 } });
    const events: ExperimentEvent[] = [];
    const report = await runExperiment(fig2, {
      config,
      seeds: 1,
      backend,
      rules: ['bp', 'fa'],
      onEvent: (e) => events.push(e),
    });
    const bp = report.results.bp;
    expect(bp.diverged).toHaveLength(1);
    expect(bp.diverged![0].reason).toMatch(/trainLoss|nse/);
    // the final NSE is the last good evaluation's, finite, and the curve shows the blow-up after it
    expect(Number.isFinite(bp.final.nse.mean)).toBe(true);
    const end = events.find((e) => e.type === 'end' && e.rule === 'bp');
    const run = end?.type === 'end' ? end.run : null;
    expect(run?.divergence?.restoredFromStep).toBeLessThan(run!.divergence!.atStep);
    expect(report.results.fa.diverged).toBeUndefined();
    expect(report.results.fa.final.nse.mean).toBeLessThan(0.6);
  });
});

describe('runExperiment: events', () => {
  it('reports steps with work units adding up, evaluations, curve points and ends', async () => {
    const config = resolveConfig(fig2, { overrides: { steps: 200, heldOut: 50 } });
    const events: ExperimentEvent[] = [];
    const report = await runExperiment(fig2, {
      config,
      seeds: 2,
      backend,
      rules: ['fa'],
      onEvent: (e) => events.push(e),
    });
    const units = events
      .filter((e) => e.type === 'step')
      .reduce((s, e) => s + (e.type === 'step' ? e.units : 0), 0);
    expect(units).toBe(2 * 200);
    const records = events.filter((e) => e.type === 'record' && e.seed === 1);
    expect(records.map((e) => (e.type === 'record' ? e.point.step : -1))).toEqual(
      report.results.fa.curves.step,
    );
    expect(events.filter((e) => e.type === 'end').map((e) => e.seed)).toEqual([1, 2]);
    expect(report.seedsCompleted).toBe(2);
    expect(report.results.fa.final.nse.n).toBe(2);
  });
});

describe('runExperiment: rules side by side and a gate', () => {
  it('interleaved rules give the numbers of rules run one after another; the gate is awaited every step', async () => {
    const config = resolveConfig(fig2, { overrides: { steps: 150, heldOut: 50 } });
    const serial = await runExperiment(fig2, { config, seeds: 1, backend });
    const order: string[] = [];
    let gates = 0;
    const interleaved = await runExperiment(fig2, {
      config,
      seeds: 1,
      backend,
      concurrentRules: true,
      gate: () => {
        gates++;
        return new Promise((r) => setTimeout(r, 0));
      },
      onEvent: (e) => {
        if (e.type === 'step') order.push(e.rule);
      },
    });
    expect(interleaved.results).toEqual(serial.results);
    expect(gates).toBe(4 * 150);
    // progress of different rules alternates instead of one rule finishing first
    expect(new Set(order.slice(0, 4)).size).toBeGreaterThan(1);
  });
});
