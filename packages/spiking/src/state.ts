import { type Backend, LengthError, type RngState, type Tensor } from '@rfa/tensor';
import type { NetworkTensors, SpikingLayer } from './network-tensors.js';
import type { ResolvedSpikingOptions } from './options.js';

/** One layer's arrays, row-major, shapes as in `SpikingLayer`. */
export interface SpikingLayerState {
  weights: Float32Array;
  bias: Float32Array | null;
  feedback: Float32Array | null;
  potential: Float32Array;
  spikes: Float32Array;
  feedbackPotential: Float32Array;
}

/** Everything needed to resume a simulation bit for bit: parameters, dynamic state, the generator. */
export interface SpikingNetworkState {
  layers: number[];
  parallel: number;
  layerStates: SpikingLayerState[];
  rng: RngState;
}

const FIELDS = ['weights', 'bias', 'feedback', 'potential', 'spikes', 'feedbackPotential'] as const;

/** Reads every parameter and state tensor (one read per tensor). */
export async function readState(
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
): Promise<SpikingNetworkState> {
  const layerStates: SpikingLayerState[] = [];
  for (const layer of net.layers) {
    const entry = {} as Record<(typeof FIELDS)[number], Float32Array | null>;
    for (const f of FIELDS) {
      const t = layer[f];
      entry[f] = t ? await backend.read(t) : null;
    }
    layerStates.push(entry as unknown as SpikingLayerState);
  }
  return { layers: [...o.layers], parallel: o.parallel, layerStates, rng: o.rng.getState() };
}

/** Writes a state from `readState` back; throws LengthError naming the first array that does not fit. */
export function writeState(
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
  state: SpikingNetworkState,
): void {
  const same = state.layers.length === o.layers.length && state.layers.every((w, i) => w === o.layers[i]);
  if (!same || state.parallel !== o.parallel) {
    throw new LengthError(
      `setState: state is for layers ${JSON.stringify(state.layers)} × ${state.parallel} rows, ` +
        `the network has ${JSON.stringify(o.layers)} × ${o.parallel}`,
    );
  }
  net.layers.forEach((layer: SpikingLayer, l) => {
    for (const f of FIELDS) {
      const t: Tensor | null = layer[f];
      const data = state.layerStates[l]?.[f] ?? null;
      if (t === null && data === null) continue;
      if (t === null || data === null || data.length !== t.size) {
        throw new LengthError(
          `setState: layer ${l + 1} ${f} has ${data?.length ?? 'no'} values, needs ${t?.size ?? 'none'}`,
        );
      }
    }
  });
  net.layers.forEach((layer, l) => {
    for (const f of FIELDS) {
      const t = layer[f];
      if (t) backend.write(t, state.layerStates[l][f] as Float32Array);
    }
    const b = state.layerStates[l].feedback;
    const [n, m] = layer.weights.shape;
    if (layer.feedbackTransposed && b) backend.write(layer.feedbackTransposed, transposed(b, n, m));
  });
  o.rng.setState(state.rng);
}

/** The [cols, rows] transpose of a row-major [rows, cols] array. */
function transposed(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}
