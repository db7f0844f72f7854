import { LengthError, OptionError, type RngState } from '@rfa/tensor';
import type { SpikingLayerState, SpikingNetworkState } from './state.js';

const MAGIC = 'RFASPK01';
const FIELDS = ['weights', 'bias', 'feedback', 'potential', 'spikes', 'feedbackPotential'] as const;

interface Header {
  layers: number[];
  parallel: number;
  rng: RngState;
  /** Length of each layer's arrays in FIELDS order; null where the layer has none. */
  lengths: (number | null)[][];
  metadata: Record<string, unknown>;
}

/**
 * A `getState()` result as bytes (for checkpoint files and stores): the magic
 * `RFASPK01`, the header length (uint32 LE), a JSON header with the shapes, the
 * generator and `metadata`, then every array as float32 LE, 4-byte aligned.
 * @example
 * const bytes = encodeSpikingState(await net.getState(), { epoch: 2 });
 */
export function encodeSpikingState(
  state: SpikingNetworkState,
  metadata: Record<string, unknown> = {},
): Uint8Array {
  const arrays: Float32Array[] = [];
  const lengths = state.layerStates.map((layer) =>
    FIELDS.map((f) => {
      const a = layer[f];
      if (a) arrays.push(a);
      return a ? a.length : null;
    }),
  );
  const header: Header = {
    layers: state.layers,
    parallel: state.parallel,
    rng: state.rng,
    lengths,
    metadata,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((12 + json.length) / 4) * 4;
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const bytes = new Uint8Array(dataStart + 4 * total);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  let at = dataStart;
  for (const a of arrays) for (let i = 0; i < a.length; i++, at += 4) view.setFloat32(at, a[i], true);
  return bytes;
}

/** Reads `encodeSpikingState`'s bytes; OptionError or LengthError names what does not fit. */
export function decodeSpikingState(bytes: Uint8Array): {
  state: SpikingNetworkState;
  metadata: Record<string, unknown>;
} {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw new OptionError(`decodeSpikingState: not a spiking state (magic ${MAGIC} missing)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length)
    throw new LengthError(`decodeSpikingState: header of ${headerLength} bytes runs past the end`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  let at = Math.ceil((12 + headerLength) / 4) * 4;
  const layerStates = header.lengths.map((row) => {
    const layer = {} as Record<(typeof FIELDS)[number], Float32Array | null>;
    FIELDS.forEach((f, k) => {
      const n = row[k];
      if (n === null) {
        layer[f] = null;
        return;
      }
      if (at + 4 * n > bytes.length)
        throw new LengthError(`decodeSpikingState: ${f} of ${n} values runs past the end of the data`);
      const a = new Float32Array(n);
      for (let i = 0; i < n; i++, at += 4) a[i] = view.getFloat32(at, true);
      layer[f] = a;
    });
    return layer as unknown as SpikingLayerState;
  });
  return {
    state: { layers: header.layers, parallel: header.parallel, layerStates, rng: header.rng },
    metadata: header.metadata,
  };
}
