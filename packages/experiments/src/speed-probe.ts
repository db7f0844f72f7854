import { createNetwork, uniformInit } from '@rfa/layers';
import { createTrainer } from '@rfa/learning-rules';
import { type Backend, Rng } from '@rfa/tensor';
import { createRule } from './rules/rule-registry.js';

/** What the throughput probe trains and for how long. */
export interface SpeedOptions {
  /** Layer widths, input first (default 784-1000-10, the Fig. 3a network). */
  sizes?: number[];
  rule?: string;
  batch: number;
  /** Seconds of each timed round, after `warmupSeconds` untimed (the engine tiers its wasm up meanwhile). */
  seconds: number;
  warmupSeconds?: number;
  /** Timed rounds; the median rate is reported (default 3). */
  rounds?: number;
}

export interface SpeedResult {
  /** Median over the rounds. */
  examplesPerSecond: number;
  /** Each round's rate. */
  rounds: number[];
  backend: string;
}

/**
 * `pnpm bench speed`-style throughput of one rule on the Fig. 3a network (logistic layers,
 * squared error, plain SGD) on a fixed block of U[0, 1] inputs with one-hot targets. The
 * same function runs in the demo's worker and in Node, so the two rates compare like for like.
 */
export async function measureSpeed(backend: Backend, o: SpeedOptions): Promise<SpeedResult> {
  const sizes = o.sizes ?? [784, 1000, 10];
  const rng = new Rng(11);
  const rows = Math.max(256, o.batch);
  const inputs = Float32Array.from({ length: rows * sizes[0] }, () => rng.uniform());
  const targets = new Float32Array(rows * sizes.at(-1)!);
  for (let r = 0; r < rows; r++) targets[r * sizes.at(-1)! + rng.int(sizes.at(-1)!)] = 1;
  const network = createNetwork(backend, {
    rng,
    init: uniformInit(0.05),
    layers: sizes.slice(1).map((out, l) => ({ in: sizes[l], out, activation: 'logistic' as const })),
  });
  const trainer = createTrainer(network, createRule(o.rule ?? 'fa'), { loss: 'mse', learningRate: 0.1, rng });
  const batches = Math.floor(rows / o.batch);
  let next = 0;
  const step = () => {
    const at = (next++ % batches) * o.batch;
    trainer.step(
      inputs.subarray(at * sizes[0], (at + o.batch) * sizes[0]),
      targets.subarray(at * sizes.at(-1)!, (at + o.batch) * sizes.at(-1)!),
      o.batch,
    );
  };
  try {
    const run = async (seconds: number) => {
      const start = performance.now();
      let steps = 0;
      do {
        step();
        steps++;
      } while (performance.now() - start < seconds * 1000);
      await trainer.lastStep.loss(); // waits for queued device work
      return { steps, ms: performance.now() - start };
    };
    await run(o.warmupSeconds ?? 1);
    const rates: number[] = [];
    for (let r = 0; r < (o.rounds ?? 3); r++) {
      const { steps, ms } = await run(o.seconds);
      rates.push((steps * o.batch) / (ms / 1000));
    }
    const sorted = [...rates].sort((a, b) => a - b);
    return {
      examplesPerSecond: sorted[Math.floor(sorted.length / 2)],
      rounds: rates,
      backend: backend.description,
    };
  } finally {
    trainer.dispose();
    network.dispose();
  }
}
