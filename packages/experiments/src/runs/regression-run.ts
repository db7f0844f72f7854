import type { SyntheticTask } from '@rfa/datasets';
import { createNetwork, type Initializer, type LayerConfig } from '@rfa/layers';
import { createTrainer, type RuleFactory, type Trainer } from '@rfa/learning-rules';
import { normalisedSquaredError } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';
import { train } from '@rfa/train';
import type { RuleRun } from '../types.js';
import { ALIGNMENT_METRICS, AlignmentProbe } from './alignment-probe.js';
import { Curves, finiteOnly } from './curves.js';
import { finishTrainerRun, trainEvents } from './finish.js';
import type { RunContext } from './run-context.js';
import { resumeTrainer, saveTrainer } from './trainer-checkpoint.js';

export interface RegressionRunOptions {
  task: SyntheticTask;
  layers: LayerConfig[];
  init: Initializer;
  /** Biases' initialiser (default zeros). */
  biasInit?: Initializer;
  rule: RuleFactory;
  learningRate: number;
  weightDecay?: number;
  steps: number;
  batchSize: number;
  evaluateEvery: number;
  /** Seeds the network's weights and the rule's feedback. */
  seed: number;
  /** Steps evaluated besides the regular ones (fig5c's phase ends). */
  evaluateAlso?: readonly number[];
  /** Called before each step with its 1-based number (fig5c's schedule freezes layers here). */
  beforeStep?: (step: number, trainer: Trainer) => void;
  /** Extra metrics at every evaluation (fig5's per-neuron angles): each key becomes a curve, its last value a final metric. */
  extraMetrics?: (trainer: Trainer) => Promise<Record<string, number>>;
}

/** Dense early (the first steps are where alignment happens), then every `every` steps. */
export function isEvaluationStep(step: number, every: number): boolean {
  return step <= 10 || (step <= 100 && step % 10 === 0) || step % every === 0;
}

/**
 * Trains a network on a synthetic task through `@rfa/train`'s loop, online or in small
 * batches, and records held-out NSE and the alignment metrics of `AlignmentProbe`: the
 * per-example angle between the rule's hidden teaching signal and backprop's (top hidden
 * layer and the one below, averaged over each evaluation window), W vs Bᵀ and B⁺, eᵀWBe.
 */
export async function regressionRun(o: RegressionRunOptions, ctx: RunContext): Promise<RuleRun> {
  const rng = new Rng(o.seed);
  const network = createNetwork(ctx.backend, { rng, init: o.init, biasInit: o.biasInit, layers: o.layers });
  const trainer = createTrainer(network, o.rule, {
    loss: 'mse',
    learningRate: o.learningRate,
    weightDecay: o.weightDecay ?? 0,
    rng,
    trackBackprop: true,
  });
  ctx.onModel?.({ kind: 'trainer', trainer });
  try {
    const parts = { rule: o.rule, rngs: { data: o.task.rng } };
    const saved = await resumeTrainer(ctx, trainer, parts);
    const metrics = ['nse', ...ALIGNMENT_METRICS];
    const curves = new Curves(metrics, ctx, saved?.curves as Record<string, (number | null)[]> | undefined);
    const held = o.task.heldOut;
    // eᵀWBe on every one of the first 100 steps, then every 10th
    const probe = new AlignmentProbe((s) => s <= 100 || s % 10 === 0);
    probe.restore(saved?.probe as { recent?: number[] } | undefined);

    const evaluate = async (t: Trainer): Promise<Record<string, number>> => {
      const out = await t.predict(held.inputs, held.count).read();
      const point: Record<string, number> = {
        step: t.steps,
        nse: normalisedSquaredError(out, held.targets, held.count, o.task.outputSize),
        ...(await probe.point(t)),
        ...(o.extraMetrics ? await o.extraMetrics(t) : {}),
      };
      curves.add(point);
      const { step: _, ...values } = point;
      return finiteOnly(values);
    };

    if (trainer.steps >= o.steps) return finishTrainerRun({ stoppedBy: 'done' }, curves, metrics);
    const result = await train({
      trainer,
      data: o.task,
      steps: o.steps - trainer.steps,
      batchSize: o.batchSize,
      evaluateAt: (s) =>
        isEvaluationStep(s, o.evaluateEvery) || s === o.steps || (o.evaluateAlso?.includes(s) ?? false),
      evaluateAtStart: saved === null,
      evaluate,
      beforeStep: o.beforeStep ? (t) => o.beforeStep?.(t.steps + 1, t) : undefined,
      afterStep: async (t) => {
        if (ctx.gate) await ctx.gate();
        await probe.afterStep(t);
      },
      afterEvaluation: (t) => saveTrainer(ctx, t, parts, { curves: curves.values, probe: probe.state() }),
      divergence: { metrics: ['nse'] },
      signal: ctx.signal,
      ...trainEvents(ctx, (steps) => steps, trainer.steps),
    });
    return finishTrainerRun(result, curves, metrics);
  } finally {
    ctx.onModel?.(null);
    trainer.dispose();
    network.dispose();
  }
}
