import { Batcher, createDataset } from '@rfa/datasets';
import { uniformInit } from '@rfa/layers';
import { feedbackAlignment } from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { dispose, fig2Trainer, linearTask } from './testing/fig2.js';
import { train } from './train.js';

const fa = () => feedbackAlignment({ init: uniformInit(0.5) });

describe('train hooks', () => {
  it('evaluateAt picks the evaluated steps; the last step is always evaluated', async () => {
    const trainer = fig2Trainer(fa());
    const result = await train({
      trainer,
      data: linearTask(),
      steps: 25,
      batchSize: 1,
      evaluateAt: (s) => s <= 3 || s % 10 === 0,
      evaluate: () => ({ one: 1 }),
    });
    expect(result.history.map((h) => h.step)).toEqual([0, 1, 2, 3, 10, 20, 25]);
    dispose(trainer);
  });

  it('beforeStep sees the count before the step, afterStep after it, and is awaited before evaluation', async () => {
    const trainer = fig2Trainer(fa());
    const calls: string[] = [];
    await train({
      trainer,
      data: linearTask(),
      steps: 4,
      batchSize: 1,
      evaluateEvery: 2,
      evaluateAtStart: false,
      beforeStep: (t) => calls.push(`before:${t.steps}`),
      afterStep: async (t) => {
        await new Promise((r) => setTimeout(r, 1));
        calls.push(`after:${t.steps}`);
      },
      evaluate: (t) => {
        calls.push(`evaluate:${t.steps}`);
        return {};
      },
    });
    expect(calls).toEqual([
      'before:0',
      'after:1',
      'before:1',
      'after:2',
      'evaluate:2',
      'before:2',
      'after:3',
      'before:3',
      'after:4',
      'evaluate:4',
    ]);
    dispose(trainer);
  });

  it('learningRateSchedule sets each epoch’s rate before its first step', async () => {
    const task = linearTask();
    const data = task.sample(6);
    const set = createDataset({ inputs: data.inputs, targets: data.targets, inputSize: 30, targetSize: 10 });
    const trainer = fig2Trainer(fa());
    const seen: number[] = [];
    await train({
      trainer,
      data: new Batcher(set, { batchSize: 3, rng: new Rng(1) }),
      epochs: 3,
      learningRateSchedule: (epoch) => [0.01, 0.002, 0.001][epoch] ?? 0.001,
      afterStep: (t) => {
        seen.push(t.options.learningRate);
      },
      evaluateAtStart: false,
    });
    expect(seen).toEqual([0.01, 0.01, 0.002, 0.002, 0.001, 0.001]);
    dispose(trainer);
  });
});

describe('afterEvaluation', () => {
  it('runs after each evaluation that passed the watch, not after the one that diverged', async () => {
    const trainer = fig2Trainer(fa());
    const after: number[] = [];
    let calls = 0;
    const result = await train({
      trainer,
      data: linearTask(),
      steps: 40,
      batchSize: 1,
      evaluateEvery: 10,
      evaluate: () => ({ nse: ++calls === 4 ? Number.NaN : 1 }),
      afterEvaluation: (t) => {
        after.push(t.steps);
      },
    });
    expect(result.stoppedBy).toBe('diverged');
    expect(after).toEqual([0, 10, 20]);
    dispose(trainer);
  });
});
