import type { Backend } from '@rfa/tensor';
import { makeExampleBlock } from './example-block.js';
import { interleave, median } from './interleave.js';
import { RfaSpeedTrainer } from './speed-trainer.js';
import { TrainingContender } from './training-contender.js';

/** What the throughput probe trains and for how long. */
export interface SpeedOptions {
  /** Layer widths, input first (default 784-1000-10, the Fig. 3a network). */
  sizes?: number[];
  /** A rule key (default 'fa'). */
  rule?: string;
  batch: number;
  /** Seconds of each timed round, after `warmupSeconds` untimed (the engine tiers its wasm up meanwhile). */
  seconds: number;
  /** Untimed seconds first (default 1); more untimed runs follow until two agree within 5%. */
  warmupSeconds?: number;
  /** Timed rounds; the median rate is reported (default 3). */
  rounds?: number;
  /** Read the loss back every this many steps (default 50, as `pnpm bench speed`). */
  lossEvery?: number;
}

export interface SpeedResult {
  /** Median over the rounds. */
  examplesPerSecond: number;
  /** Each round's rate. */
  rounds: number[];
  backend: string;
}

/** Seed of the example block and the start values (`pnpm bench speed` uses the same). */
export const SPEED_SEED = 1;

/**
 * Throughput of one rule on the Fig. 3a network (logistic layers, squared error, plain
 * SGD, learning rate 0.1) on a fixed block of U[0, 1] inputs with one-hot targets: the
 * loop `pnpm bench speed` times, for one backend. The same function runs in a browser
 * worker and in Node, so the two rates compare like for like.
 *
 * @example
 * const r = await measureSpeed(createCpuBackend(), { batch: 128, seconds: 1 });
 * console.log(`${r.examplesPerSecond.toFixed(0)} examples/s`);
 */
export async function measureSpeed(backend: Backend, o: SpeedOptions): Promise<SpeedResult> {
  const sizes = o.sizes ?? [784, 1000, 10];
  const block = makeExampleBlock(sizes[0], sizes.at(-1)!, Math.max(1024, o.batch), SPEED_SEED);
  const trainer = new RfaSpeedTrainer('rfa', backend, {
    sizes,
    rule: o.rule ?? 'fa',
    batch: o.batch,
    learningRate: 0.1,
    block,
    seed: SPEED_SEED,
  });
  try {
    const contender = new TrainingContender(trainer, o.batch, o.lossEvery ?? 50);
    const [rates] = await interleave([contender], {
      rounds: o.rounds ?? 3,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds ?? 1,
    });
    return { examplesPerSecond: median(rates), rounds: rates, backend: backend.description };
  } finally {
    trainer.dispose();
  }
}
