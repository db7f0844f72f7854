import { createCpuBackend } from '@rfa/backend-cpu';
import { createQuadraticTask } from '@rfa/datasets';
import { createNetwork, type LayerConfig, uniformInit } from '@rfa/layers';
import { backprop, createTrainer, feedbackAlignment } from '@rfa/learning-rules';
import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { regressionRun } from '../runs/regression-run.js';
import type { RunContext } from '../runs/run-context.js';
import { outputLayerNeuronAngles, perNeuronAngleSummary, quantileSorted } from './alignment-metrics.js';

const backend = createCpuBackend();
const ctx: RunContext = { backend, seed: 1, emit() {} };

/** For each hidden unit j: the angle between column j of W (out × hidden) and row j of B (hidden × out), by a plain loop. */
function directAngles(W: Float32Array, B: Float32Array, out: number, hidden: number): number[] {
  const angles: number[] = [];
  for (let j = 0; j < hidden; j++) {
    let [dot, ww, bb] = [0, 0, 0];
    for (let k = 0; k < out; k++) {
      const w = W[k * hidden + j];
      const b = B[j * out + k];
      dot += w * b;
      ww += w * w;
      bb += b * b;
    }
    angles.push((Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(ww * bb)))) * 180) / Math.PI);
  }
  return angles;
}

/** Mean, and nearest-rank-interpolated 10th / 90th percentiles, by sorting a copy. */
function summaryByHand(angles: number[]) {
  const s = [...angles].sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = q * (s.length - 1);
    const lo = Math.floor(pos);
    return lo + 1 < s.length ? s[lo] * (1 - (pos - lo)) + s[lo + 1] * (pos - lo) : s[lo];
  };
  return {
    perNeuronAngle: s.reduce((a, b) => a + b, 0) / s.length,
    perNeuronAngleP10: at(0.1),
    perNeuronAngleP90: at(0.9),
  };
}

const layers: LayerConfig[] = [
  { in: 3, out: 7, activation: 'tanh' },
  { out: 2, activation: 'linear' },
];

describe('per-neuron forward/feedback angles (fig5)', () => {
  it('quantileSorted interpolates between order statistics', () => {
    expect(quantileSorted([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.1)).toBeCloseTo(14, 12);
    expect(quantileSorted([10, 20, 30, 40, 50], 1)).toBe(50);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('outputLayerNeuronAngles matches a direct loop over W and B of a small FA net, before and after training', async () => {
    const rng = new Rng(3);
    const network = createNetwork(backend, { rng, init: uniformInit(0.5), layers });
    const trainer = createTrainer(network, feedbackAlignment(), { loss: 'mse', learningRate: 0.05, rng });
    const task = createQuadraticTask({ seed: 4, inputSize: 3, outputSize: 2, heldOutSize: 10 });
    for (let step = 0; step <= 40; step += 20) {
      for (let s = 0; s < 20 && step > 0; s++) {
        const b = task.sample(4);
        trainer.step(b.inputs, b.targets, 4);
      }
      const W = network.layers[1].weights.readSync();
      const B = trainer.rule.feedback()[0].tensor.readSync();
      const direct = summaryByHand(directAngles(W, B, 2, 7));
      const got = await outputLayerNeuronAngles(trainer);
      for (const k of Object.keys(direct) as (keyof typeof direct)[])
        expect(got[k]).toBeCloseTo(direct[k], 4);
      expect(perNeuronAngleSummary(W, B, 2, 7).perNeuronAngle).toBeCloseTo(direct.perNeuronAngle, 4);
    }
    trainer.dispose();
    network.dispose();
  });

  it("regressionRun's perNeuronAngle curve starts at the direct loop's value on the same initial net, and ends as a final metric", async () => {
    const task = () => createQuadraticTask({ seed: 5, inputSize: 3, outputSize: 2, heldOutSize: 20 });
    const result = await regressionRun(
      {
        task: task(),
        layers,
        init: uniformInit(0.5),
        rule: feedbackAlignment(),
        learningRate: 0.02,
        steps: 30,
        batchSize: 2,
        evaluateEvery: 10,
        seed: 9,
        extraMetrics: outputLayerNeuronAngles,
      },
      ctx,
    );
    // rebuild the run's initial state: same seed → same weights, then the same B
    const rng = new Rng(9);
    const network = createNetwork(backend, { rng, init: uniformInit(0.5), layers });
    const trainer = createTrainer(network, feedbackAlignment(), { loss: 'mse', learningRate: 0.02, rng });
    const start = summaryByHand(
      directAngles(network.layers[1].weights.readSync(), trainer.rule.feedback()[0].tensor.readSync(), 2, 7),
    );
    expect(result.curves.step[0]).toBe(0);
    expect(result.curves.perNeuronAngle[0]).toBeCloseTo(start.perNeuronAngle, 4);
    expect(result.curves.perNeuronAngleP90[0]).toBeCloseTo(start.perNeuronAngleP90, 4);
    expect(result.curves.perNeuronAngle.length).toBe(result.curves.step.length);
    expect(result.final.perNeuronAngle).toBe(result.curves.perNeuronAngle.at(-1));
    expect(result.curves.perNeuronAngle.at(-1)).not.toBe(result.curves.perNeuronAngle[0]);
    trainer.dispose();
    network.dispose();
  });

  it('refuses a rule without transposed feedback, naming it', async () => {
    const rng = new Rng(1);
    const network = createNetwork(backend, { rng, layers });
    const trainer = createTrainer(network, backprop(), { loss: 'mse', learningRate: 0.01, rng });
    await expect(outputLayerNeuronAngles(trainer)).rejects.toThrow(OptionError);
    await expect(outputLayerNeuronAngles(trainer)).rejects.toThrow(/backprop/);
    trainer.dispose();
  });
});
