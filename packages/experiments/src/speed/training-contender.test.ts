import { describe, expect, it } from 'vitest';
import type { SpeedTrainer } from './speed-trainer.js';
import { TrainingContender } from './training-contender.js';

/** A trainer whose k-th step has loss k and takes about `ms` of busy time. */
function counting(ms: number): SpeedTrainer & { steps: number; lossSteps: number[] } {
  const t = {
    impl: 'fake',
    steps: 0,
    lossSteps: [] as number[],
    kept: 0,
    activate: async () => {},
    step(withLoss: boolean) {
      const end = performance.now() + ms;
      while (performance.now() < end);
      t.steps++;
      if (withLoss) {
        t.kept = t.steps;
        t.lossSteps.push(t.steps);
      }
    },
    loss: async () => t.kept,
    dispose() {},
  };
  return t;
}

describe('TrainingContender', () => {
  it('rates examples per second from steps × batch over the run, reading the loss every N steps and last', async () => {
    const trainer = counting(1);
    const c = new TrainingContender(trainer, 8, 3);
    const start = performance.now();
    const rate = await c.run(0.05);
    const seconds = (performance.now() - start) / 1000;
    // the first step ever is the untimed lossFirst step
    expect(c.lossFirst).toBe(1);
    const timedSteps = trainer.steps - 1;
    // the rate counts only the timed steps, over at most the whole call's time
    expect(rate).toBeGreaterThanOrEqual((timedSteps * 8) / seconds);
    expect(rate).toBeLessThan((timedSteps * 8) / 0.05);
    // reads: step 1 (lossFirst), then every third timed step, and the last one
    const reads = trainer.lossSteps.slice(1);
    expect(reads.slice(0, -1).every((s) => (s - 1) % 3 === 0)).toBe(true);
    expect(reads.at(-1)).toBe(trainer.steps);
    expect(c.lossLast).toBeCloseTo(reads.reduce((a, b) => a + b, 0) / reads.length, 12);
  });
});
