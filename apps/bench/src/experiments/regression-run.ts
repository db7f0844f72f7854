import type { SyntheticTask } from '@rfa/datasets';
import { createNetwork, type Initializer, type LayerConfig } from '@rfa/layers';
import { createTrainer, type RuleFactory, type Trainer } from '@rfa/learning-rules';
import { angleDegrees, matrixAngleToTranspose, normalisedSquaredError } from '@rfa/metrics';
import { Rng } from '@rfa/tensor';
import { checkAborted } from './abort.js';
import type { ExperimentContext, RuleRun } from './types.js';

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
  /** Called before each step; may freeze layers (fig5c) by returning the layers to train. */
  beforeStep?: (step: number, trainer: Trainer) => void;
  /**
   * Extra metrics measured at every evaluation (fig5's per-neuron angles): each key
   * becomes a curve, and its last value a final metric.
   */
  extraMetrics?: (trainer: Trainer) => Promise<Record<string, number>>;
}

/**
 * Trains a network on a synthetic task, online or in small batches, and records
 * held-out NSE, the angle between the rule's hidden teaching signal and backprop's
 * (hidden layer nearest the output, averaged over each evaluation window) and, for
 * feedback alignment, the angle between the top W and Bᵀ.
 */
/** Dense early (the first steps are where alignment happens), then every `every` steps. */
export function isEvaluationStep(step: number, every: number): boolean {
  return step <= 10 || (step <= 100 && step % 10 === 0) || step % every === 0;
}

export async function regressionRun(o: RegressionRunOptions, ctx: ExperimentContext): Promise<RuleRun> {
  const rng = new Rng(o.seed);
  const network = createNetwork(ctx.backend, { rng, init: o.init, biasInit: o.biasInit, layers: o.layers });
  const trainer = createTrainer(network, o.rule, {
    loss: 'mse',
    learningRate: o.learningRate,
    weightDecay: o.weightDecay ?? 0,
    rng,
    trackBackprop: true,
  });
  const last = network.layers.length - 1;
  const hidden = last - 1;
  const held = o.task.heldOut;
  const curves: Record<string, number[]> = { step: [], nse: [], deltaAngle: [], weightAngle: [] };
  const batch = {
    inputs: new Float32Array(o.batchSize * o.task.inputSize),
    targets: new Float32Array(o.batchSize * o.task.outputSize),
  };
  let windowAngles: number[] = [];

  const evaluate = async (step: number) => {
    const out = await trainer.predict(held.inputs, held.count).read();
    curves.step.push(step);
    curves.nse.push(normalisedSquaredError(out, held.targets, held.count, o.task.outputSize));
    curves.deltaAngle.push(
      windowAngles.length ? windowAngles.reduce((s, v) => s + v, 0) / windowAngles.length : Number.NaN,
    );
    windowAngles = [];
    const fb = trainer.rule.feedback().find((f) => f.layer === last && f.layout === 'transposed');
    const w = network.layers[last];
    curves.weightAngle.push(
      fb
        ? matrixAngleToTranspose(await w.weights.read(), await fb.tensor.read(), w.outputSize, w.inputSize)
        : Number.NaN,
    );
    const extra = o.extraMetrics ? await o.extraMetrics(trainer) : {};
    for (const [k, v] of Object.entries(extra)) {
      curves[k] = curves[k] ?? [];
      curves[k].push(v);
    }
  };

  await evaluate(0);
  let ticked = 0;
  for (let step = 1; step <= o.steps; step++) {
    o.beforeStep?.(step, trainer);
    o.task.sample(o.batchSize, batch);
    trainer.step(batch.inputs, batch.targets, o.batchSize);
    const d = hidden >= 0 ? trainer.lastDeltas()[hidden] : null;
    if (d) windowAngles.push(angleDegrees(await d.read(), await trainer.lastBackpropDeltas()[hidden].read()));
    if (isEvaluationStep(step, o.evaluateEvery) || step === o.steps) {
      await evaluate(step);
      ctx.progress.tick(step - ticked);
      ticked = step;
      checkAborted(ctx.signal);
    }
  }
  const final: Record<string, number> = { nse: curves.nse.at(-1)! };
  const finite = (xs: number[]) => xs.filter((v) => Number.isFinite(v));
  if (finite(curves.deltaAngle).length) final.deltaAngle = curves.deltaAngle.at(-1)!;
  if (finite(curves.weightAngle).length) final.weightAngle = curves.weightAngle.at(-1)!;
  for (const k of ['deltaAngle', 'weightAngle']) if (!finite(curves[k]).length) delete curves[k];
  for (const k of Object.keys(curves))
    if (!(k in final) && k !== 'step' && finite(curves[k]).length) final[k] = curves[k].at(-1)!;
  trainer.dispose();
  network.dispose();
  return { final, curves };
}
