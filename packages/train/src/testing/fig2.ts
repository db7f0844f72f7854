// Test fixtures: the paper's fig2 setting (linear 30-20-10 net on y* = T x) on the CPU backend.
import { createCpuBackend } from '@rfa/backend-cpu';
import { createLinearTask, type LinearTask } from '@rfa/datasets';
import { createNetwork, type LayerConfig, uniformInit } from '@rfa/layers';
import { createTrainer, type RuleFactory, type Trainer } from '@rfa/learning-rules';
import { normalisedSquaredError } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';

const backend = createCpuBackend();

export interface Fig2Options {
  learningRate?: number;
  momentum?: number;
  /** Seeds the network's weights and the trainer's rng (feedback draws, noise). */
  seed?: number;
  layers?: LayerConfig[];
}

export const FIG2_LAYERS: LayerConfig[] = [
  { in: 30, out: 20, activation: 'linear' },
  { out: 10, activation: 'linear' },
];

export function fig2Trainer(rule: RuleFactory, o: Fig2Options = {}): Trainer {
  const seed = o.seed ?? 1;
  const network = createNetwork(backend, {
    rng: new Rng(seed),
    init: uniformInit(0.01),
    layers: o.layers ?? FIG2_LAYERS,
  });
  return createTrainer(network, rule, {
    loss: 'mse',
    learningRate: o.learningRate ?? 0.005,
    momentum: o.momentum,
    rng: new Rng(seed + 1000),
  });
}

export function linearTask(seed = 2016, heldOutSize = 500): LinearTask {
  return createLinearTask({ seed, heldOutSize });
}

/** Held-out NSE of the trainer's network on the task, with @rfa/metrics. */
export async function heldOutNse(trainer: Trainer, task: LinearTask): Promise<number> {
  const { inputs, targets, count } = task.heldOut;
  const prediction = await trainer.predict(inputs, count).read();
  return normalisedSquaredError(prediction, targets, count, task.outputSize);
}

export function dispose(trainer: Trainer): void {
  trainer.dispose();
  trainer.network.dispose();
}
