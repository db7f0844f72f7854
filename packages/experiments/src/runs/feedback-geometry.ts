import type { Network } from '@rfa/layers';
import type { FeedbackMatrix } from '@rfa/learning-rules';
import { angleDegrees, matrixAngleToTranspose } from '@rfa/metrics';

/** How a layer's W and the feedback that stands in for Wᵀ compare: the angle and ‖B‖/‖W‖. */
export interface FeedbackGeometry {
  /** Degrees between W and Bᵀ (NaN where the layer has no feedback of W's shape). */
  angle: number;
  /** Frobenius norm of the feedback over W's (NaN where there is no angle). */
  normRatio: number;
}

const NONE: FeedbackGeometry = { angle: Number.NaN, normRatio: Number.NaN };

function frobenius(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/**
 * Layer `layer`'s W against the feedback that carries its error down, read now (rules whose
 * feedback moves, such as Kolen–Pollack's K and weight mirror's B, give the current one).
 * 'transposed' (FA, weight mirror: B [in, out]) is compared with Wᵀ; 'forward' (sign
 * symmetry and its variants, Kolen–Pollack: [out, in]) with W itself. A 'direct' matrix
 * (DFA, DRTP: D [units, outputs] for hidden layer l) stands in for Wᵀ only where the layer
 * above is the output layer, so only the top layer gets a value; a conv layer's W is its
 * kernel matrix [outChannels, kH·kW·inChannels], compared the same way; lower layers' D have no W of
 * their shape and give NaN, as do rules without feedback (backprop, shallow).
 */
export async function feedbackGeometry(
  network: Network,
  feedback: readonly FeedbackMatrix[],
  layer: number,
): Promise<FeedbackGeometry> {
  const last = network.layers.length - 1;
  if (layer < 1 || layer > last) return NONE;
  const fb =
    feedback.find((f) => f.layer === layer && f.layout !== 'direct') ??
    (layer === last ? feedback.find((f) => f.layer === layer - 1 && f.layout === 'direct') : undefined);
  if (!fb) return NONE;
  const w = network.layers[layer];
  const [wValues, bValues] = [await w.weights.read(), await fb.tensor.read()];
  if (bValues.length !== wValues.length) return NONE;
  const angle =
    fb.layout === 'forward'
      ? angleDegrees(wValues, bValues)
      : matrixAngleToTranspose(wValues, bValues, w.weights.shape[0], w.weights.shape[1]);
  return { angle, normRatio: frobenius(bValues) / frobenius(wValues) };
}
