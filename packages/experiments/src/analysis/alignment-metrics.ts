import type { Trainer } from '@rfa/learning-rules';
import { perNeuronAngles } from '@rfa/metrics';
import { OptionError } from '@rfa/tensor';

/** Linear-interpolated quantile `q` in [0, 1] of ascending-sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Fig. 5a's per-neuron alignment, summarised: for each hidden unit j the angle between
 * column j of `W` (outSize × hiddenSize) and row j of `B` (hiddenSize × outSize), then
 * their mean, 10th and 90th percentiles over units (units with all-zero weights skipped).
 */
export function perNeuronAngleSummary(
  W: ArrayLike<number>,
  B: ArrayLike<number>,
  outSize: number,
  hiddenSize: number,
): { perNeuronAngle: number; perNeuronAngleP10: number; perNeuronAngleP90: number } {
  const angles = Array.from(perNeuronAngles(W, B, outSize, hiddenSize)).filter(Number.isFinite);
  angles.sort((a, b) => a - b);
  const mean = angles.length ? angles.reduce((s, v) => s + v, 0) / angles.length : Number.NaN;
  return {
    perNeuronAngle: mean,
    perNeuronAngleP10: quantileSorted(angles, 0.1),
    perNeuronAngleP90: quantileSorted(angles, 0.9),
  };
}

/**
 * An `extraMetrics` hook for `regressionRun`: the per-neuron angle summary of the output
 * layer's W against the rule's transposed feedback B (feedback alignment's).
 */
export async function outputLayerNeuronAngles(trainer: Trainer): Promise<Record<string, number>> {
  const last = trainer.network.layers.length - 1;
  const fb = trainer.rule.feedback().find((f) => f.layer === last && f.layout === 'transposed');
  if (!fb)
    throw new OptionError(
      `per-neuron angles: rule '${trainer.rule.name}' has no transposed feedback for layer ${last}`,
    );
  const w = trainer.network.layers[last];
  return perNeuronAngleSummary(await w.weights.read(), await fb.tensor.read(), w.outputSize, w.inputSize);
}
