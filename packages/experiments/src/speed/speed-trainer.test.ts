import { createCpuBackend } from '@rfa/backend-cpu';
import { afterAll, describe, expect, it } from 'vitest';
import { makeExampleBlock } from './example-block.js';
import { RfaSpeedTrainer, type TrainSetup } from './speed-trainer.js';

const backend = createCpuBackend({ threads: 1 });
afterAll(() => backend.dispose());

async function losses(trainer: RfaSpeedTrainer, steps: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    trainer.step(true);
    out.push(await trainer.loss());
  }
  return out;
}

describe('RfaSpeedTrainer', () => {
  it('a trainer started from another’s read-back state (other seed) follows it bit for bit, and learns', async () => {
    const setup: TrainSetup = {
      sizes: [12, 8, 3],
      rule: 'fa',
      batch: 4,
      learningRate: 2,
      block: makeExampleBlock(12, 3, 16, 2),
      seed: 3,
    };
    const origin = new RfaSpeedTrainer('a', backend, setup);
    const state = await origin.initialState();
    expect(state.feedback[0]).toBeNull();
    expect(state.feedback[1]).toHaveLength(8 * 3);
    const copy = new RfaSpeedTrainer('b', backend, { ...setup, seed: 99 }, state);
    const want = await losses(origin, 400);
    const got = await losses(copy, 400);
    origin.dispose();
    copy.dispose();
    expect(got).toEqual(want);
    // one pass over the 16-row block is 4 batches: the last pass's mean loss is well below the first's
    const pass = (from: number) => want.slice(from, from + 4).reduce((a, b) => a + b, 0) / 4;
    expect(pass(396)).toBeLessThan(0.8 * pass(0));
  });
});
