import type { ForwardCache, Network } from '@rfa/layers';
import type { Tensor } from '@rfa/tensor';
import { propagateSignals } from './rules/propagate.js';

/**
 * The deltas backprop would deliver on the current state, from the same output
 * signal, written to `out` (one [batch, units] per layer) and their modulators (the
 * signal before each hidden layer's derivative, `Wᵀ δ` per example) to `modulators`,
 * without touching anything the rule uses: the reference for angle measurements.
 */
export function backpropDeltas(
  network: Network,
  cache: ForwardCache,
  outputDelta: Tensor,
  out: Tensor[],
  modulators: (Tensor | null)[],
): void {
  const last = network.layers.length - 1;
  network.backend.copy(out[last], outputDelta);
  propagateSignals(
    network.backend,
    { deltas: out, modulators, outputError: outputDelta, cache },
    (l) => network.layers[l].weights,
    false,
  );
}
