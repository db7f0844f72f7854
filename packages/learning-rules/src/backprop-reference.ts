import type { ForwardCache, Network } from '@rfa/layers';
import type { Tensor } from '@rfa/tensor';
import { propagateDown } from './rules/propagate.js';

/**
 * The deltas backprop would deliver on the current state, from the same output
 * signal, written to `out` (one [batch, units] per layer) without touching
 * anything the rule uses: the reference for delta-angle measurements.
 */
export function backpropDeltas(
  network: Network,
  cache: ForwardCache,
  outputDelta: Tensor,
  out: Tensor[],
): void {
  const last = network.layers.length - 1;
  network.backend.copy(out[last], outputDelta);
  propagateDown(network.backend, out, cache.derivative, (l) => network.layers[l].weights, false);
}
