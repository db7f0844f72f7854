import { Batcher, sliceDataset } from '@rfa/datasets';
import { uniformInit } from '@rfa/layers';
import { feedbackAlignment } from '@rfa/learning-rules';
import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import type { TrainEvent } from './events.js';
import { dispose, fig2Trainer, heldOutNse, linearTask } from './testing/fig2.js';
import { train } from './train.js';

const fa = () => feedbackAlignment({ init: uniformInit(0.5) });

describe('train on the fig2 linear task', () => {
  it('FA, online, reaches held-out NSE < 0.05 and records the history', async () => {
    const task = linearTask();
    const trainer = fig2Trainer(fa());
    const result = await train({
      trainer,
      data: task,
      steps: 4000,
      batchSize: 1,
      evaluateEvery: 500,
      evaluate: async (t) => ({ nse: await heldOutNse(t, task) }),
    });
    expect(result.stoppedBy).toBe('done');
    expect(result.steps).toBe(4000);
    expect(result.examples).toBe(4000);
    expect(result.history.map((h) => h.step)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
    const nse = result.history.map((h) => h.nse);
    // untrained weights ~ U[-0.01, 0.01] predict ≈ 0, so NSE starts near 1
    expect(nse[0]).toBeGreaterThan(0.95);
    expect(nse.at(-1)).toBeLessThan(0.05);
    expect(nse.at(-1)).toBe(await heldOutNse(trainer, task));
    dispose(trainer);
  });

  it('emits step, evaluation and done events in order with increasing step counts', async () => {
    const task = linearTask();
    const trainer = fig2Trainer(fa());
    const events: TrainEvent[] = [];
    const target = new EventTarget();
    const dispatched: string[] = [];
    for (const type of ['step', 'evaluation', 'done'])
      target.addEventListener(type, (e) =>
        dispatched.push(`${type}:${(e as CustomEvent<TrainEvent>).detail.step}`),
      );
    await train({
      trainer,
      data: task,
      steps: 30,
      batchSize: 2,
      evaluateEvery: 10,
      evaluate: () => ({ one: 1 }),
      onEvent: (e) => events.push(e),
      target,
    });
    const steps = events.filter((e) => e.type === 'step').map((e) => e.step);
    expect(steps).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(events.map((e) => `${e.type}:${e.step}`)).toEqual(dispatched);
    expect(events.filter((e) => e.type === 'evaluation').map((e) => e.step)).toEqual([0, 10, 20, 30]);
    // an evaluation follows the step event of its step; done is last
    expect(events.findIndex((e) => e.type === 'evaluation' && e.step === 10)).toBe(
      events.findIndex((e) => e.type === 'step' && e.step === 10) + 1,
    );
    expect(events.at(-1)?.type).toBe('done');
    for (let i = 1; i < events.length; i++) {
      expect(events[i].step).toBeGreaterThanOrEqual(events[i - 1].step);
      expect(events[i].elapsedMs).toBeGreaterThanOrEqual(events[i - 1].elapsedMs);
      expect(events[i].examples).toBeGreaterThanOrEqual(events[i - 1].examples);
    }
    expect(events.at(-1)?.examples).toBe(60);
    // the loss is sampled every 10 steps (default) and reported on those step events
    const sampled = events.filter((e) => e.type === 'step' && e.metrics).map((e) => e.step);
    expect(sampled).toEqual([10, 20, 30]);
    dispose(trainer);
  });

  it('stops between steps on abort and returns the history so far', async () => {
    const task = linearTask();
    const trainer = fig2Trainer(fa());
    const controller = new AbortController();
    const events: TrainEvent[] = [];
    const result = await train({
      trainer,
      data: task,
      steps: 1000,
      batchSize: 1,
      evaluateEvery: 5,
      evaluate: async (t) => ({ nse: await heldOutNse(t, task) }),
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'step' && e.step === 17) controller.abort();
      },
    });
    expect(result.stoppedBy).toBe('aborted');
    expect(result.steps).toBe(17);
    expect(trainer.steps).toBe(17);
    expect(result.history.map((h) => h.step)).toEqual([0, 5, 10, 15]);
    expect(events.at(-1)).toMatchObject({ type: 'stopped', step: 17 });
    // nothing more was drawn from the stream: its next batch is the 18th example
    const replay = linearTask();
    replay.sample(17);
    expect(task.sample(1).inputs).toEqual(replay.sample(1).inputs);
    dispose(trainer);
  });

  it('yields to the event loop, so a timer (Ctrl-C, a UI click) can abort it mid-run', async () => {
    const trainer = fig2Trainer(fa());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const result = await train({
      trainer,
      data: linearTask(),
      steps: 1_000_000,
      batchSize: 1,
      yieldMs: 0,
      signal: controller.signal,
    });
    expect(result.stoppedBy).toBe('aborted');
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThan(1_000_000);
    dispose(trainer);
  });

  it('returns at once for a signal aborted before the start', async () => {
    const trainer = fig2Trainer(fa());
    const controller = new AbortController();
    controller.abort();
    const result = await train({
      trainer,
      data: linearTask(),
      steps: 10,
      batchSize: 1,
      evaluateAtStart: false,
      signal: controller.signal,
    });
    expect([result.stoppedBy, result.steps, trainer.steps]).toEqual(['aborted', 0, 0]);
    dispose(trainer);
  });
});

describe('train over a data set in epochs', () => {
  it('walks a shuffling Batcher: epochs, tail batches, epoch events, a step cap', async () => {
    const task = linearTask();
    const data = sliceDataset(task.heldOut, 0, 100);
    const trainer = fig2Trainer(fa());
    const events: TrainEvent[] = [];
    const batcher = new Batcher(data, { batchSize: 8, rng: new Rng(3) });
    const result = await train({
      trainer,
      data: batcher,
      epochs: 2,
      evaluateEvery: 1000,
      evaluate: () => ({}),
      onEvent: (e) => events.push(e),
    });
    // 100 rows in batches of 8: 12 full and one of 4 per epoch
    expect([result.stoppedBy, result.steps, result.epochs, result.examples]).toEqual(['done', 26, 2, 200]);
    expect(events.filter((e) => e.type === 'epoch').map((e) => [e.step, e.examples])).toEqual([
      [13, 100],
      [26, 200],
    ]);
    expect(result.history.map((h) => [h.step, h.epoch])).toEqual([
      [0, 0],
      [26, 2],
    ]);

    const capped = await train({ trainer, data: batcher, epochs: 5, steps: 20, evaluateAtStart: false });
    expect([capped.steps, capped.epochs, capped.examples, trainer.steps]).toEqual([
      20,
      1,
      8 * 12 + 4 + 7 * 8,
      46,
    ]);
    dispose(trainer);
  });

  it('refuses options it cannot use, naming them', async () => {
    const trainer = fig2Trainer(fa());
    const task = linearTask();
    const batcher = new Batcher(task.heldOut, { batchSize: 8 });
    await expect(train({ trainer, data: task, batchSize: 1 })).rejects.toThrow(
      new OptionError('train: a stream needs steps (it has no epochs)'),
    );
    await expect(train({ trainer, data: task, steps: 10 })).rejects.toThrow(
      'train: batchSize must be a positive integer, got undefined',
    );
    await expect(train({ trainer, data: batcher, batchSize: 4 })).rejects.toThrow(
      "train: batchSize 4 differs from the epoch source's batchSize 8",
    );
    await expect(train({ trainer, data: task, steps: 1.5, batchSize: 1 })).rejects.toThrow(
      'train: steps must be a positive integer, got 1.5',
    );
    await expect(
      train({ trainer, data: task, steps: 5, batchSize: 1, divergence: { lossFactor: 1 } }),
    ).rejects.toThrow('divergence.lossFactor must be > 1');
    expect(trainer.steps).toBe(0);
    dispose(trainer);
  });
});
