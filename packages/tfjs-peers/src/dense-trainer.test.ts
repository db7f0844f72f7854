import { createCpuBackend } from '@rfa/backend-cpu';
import type { RuleKey } from '@rfa/experiments';
import { makeExampleBlock, RfaSpeedTrainer, type TrainSetup } from '@rfa/experiments/internal';
import { expectClose } from '@rfa/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TfjsSpeedTrainer } from './dense-trainer.js';
import { loadTfjs } from './load-tfjs.js';
import type { TfjsRuntime } from './peer.js';

const backend = createCpuBackend();
let tfjs: TfjsRuntime;
beforeAll(async () => {
  tfjs = await loadTfjs();
});
afterAll(() => backend.dispose());

/** Per-step losses of `steps` steps, each read back right after its step. */
async function losses(
  trainer: { step(w: boolean): void; loss(): Promise<number>; activate(): Promise<void> },
  steps: number,
) {
  await trainer.activate();
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    trainer.step(true);
    out.push(await trainer.loss());
  }
  return out;
}

describe('the TensorFlow.js peer trains the same network as rfa', () => {
  it('loads both tfjs backends and says which wasm binary ran', () => {
    expect(tfjs.peers.map((p) => p.impl)).toEqual(['tfjs-cpu', 'tfjs-wasm']);
    expect(tfjs.peers[1].note).toMatch(/tfjs-backend-wasm.*\.wasm, SIMD (on|off)/);
  });

  const cases: [RuleKey, number[]][] = [
    ['bp', [20, 16, 4]],
    ['fa', [20, 16, 4]],
    ['bp', [12, 10, 8, 4]],
    ['fa', [12, 10, 8, 4]],
  ];
  for (const [rule, sizes] of cases) {
    it(`${rule} on ${sizes.join('-')}: same loss every step as rfa, and the loss falls`, async () => {
      const setup: TrainSetup = {
        sizes,
        rule,
        batch: 4,
        learningRate: 0.5,
        block: makeExampleBlock(sizes[0], sizes.at(-1)!, 16, 3),
        seed: 5,
      };
      const rfa = new RfaSpeedTrainer('rfa-cpu', backend, setup);
      const state = await rfa.initialState();
      if (rule === 'fa') expect(state.feedback.slice(1).every((b) => b !== null)).toBe(true);
      const want = await losses(rfa, 60);
      rfa.dispose();
      // fitting 16 fixed examples: the loss must fall well below where it started
      expect(want.at(-1)!).toBeLessThan(0.8 * want[0]);
      for (const peer of tfjs.peers) {
        const trainer = await TfjsSpeedTrainer.create(tfjs.tf, peer, setup, state);
        const got = await losses(trainer, 60);
        trainer.dispose();
        expectClose(got, want, { atol: 1e-5, rtol: 1e-4 }, `${peer.impl} losses`);
      }
    });
  }
});
