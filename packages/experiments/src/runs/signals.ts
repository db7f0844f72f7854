import type { Trainer } from '@rfa/learning-rules';
import { rowAngles, updateAngle } from '@rfa/metrics';

/** Mean of the finite values, NaN when there are none. */
export function finiteMean(xs: ArrayLike<number>): number {
  let [sum, n] = [0, 0];
  for (let i = 0; i < xs.length; i++)
    if (Number.isFinite(xs[i])) {
      sum += xs[i];
      n++;
    }
  return n ? sum / n : Number.NaN;
}

/**
 * The angle between the rule's teaching signal to hidden layer `layer` and backprop's on the
 * same state, per example, averaged over the batch (Figs 2b, 3b). It compares modulators (the
 * signals before the layer's own derivative: `B e` against `Wᵀ(e ∘ g′)`) where the rule has
 * them, else the deltas. Null when the rule does not teach the layer. Needs trackBackprop.
 */
export async function signalAngle(t: Trainer, layer: number): Promise<number | null> {
  const delta = t.lastStep.deltas[layer];
  if (!delta) return null;
  const m = t.lastStep.modulators[layer];
  const [a, b] = m
    ? [await m.read(), await t.lastStep.backpropModulators[layer]!.read()]
    : [await delta.read(), await t.lastStep.backpropDeltas[layer].read()];
  const [rows, cols] = delta.shape;
  return finiteMean(rowAngles(a, b, rows, cols));
}

/**
 * The angle between the rule's update of layer `layer`'s W on the last step and backprop's on
 * the same state: `δᵀX` against `δ_BPᵀX` over the batch (X the layer's inputs; bias and weight
 * decay aside, see `updateAngle`). Null when the rule does not teach the layer. Needs
 * trackBackprop.
 */
export async function weightUpdateAngle(t: Trainer, layer: number): Promise<number | null> {
  const delta = t.lastStep.deltas[layer];
  if (!delta) return null;
  const [a, b, x] = [
    await delta.read(),
    await t.lastStep.backpropDeltas[layer].read(),
    await t.lastStep.cache.layerInput(layer).read(),
  ];
  const [rows, units] = delta.shape;
  return updateAngle(a, b, x, rows, units, x.length / rows);
}

/**
 * The condition the paper's analysis rests on, `eᵀ W B e > 0`, for each example of the last
 * step: `e` the raw output error, `W` the top layer's weights now ([out, hidden]), `B` its fixed
 * feedback ([hidden, out], host copy). Returns the values, one per example.
 */
export async function alignmentCondition(t: Trainer, b: Float32Array): Promise<Float64Array> {
  const e = await t.lastStep.outputError.read();
  const top = t.network.layers[t.network.layers.length - 1];
  const w = await top.weights.read();
  const [out, hidden] = [top.outputSize, top.inputSize];
  const rows = e.length / out;
  const values = new Float64Array(rows);
  const be = new Float64Array(hidden);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < hidden; j++) {
      let s = 0;
      for (let k = 0; k < out; k++) s += b[j * out + k] * e[r * out + k];
      be[j] = s;
    }
    let total = 0;
    for (let i = 0; i < out; i++) {
      let s = 0;
      for (let j = 0; j < hidden; j++) s += w[i * hidden + j] * be[j];
      total += e[r * out + i] * s;
    }
    values[r] = total;
  }
  return values;
}
