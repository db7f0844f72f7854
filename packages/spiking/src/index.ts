export {
  type AsyncEpochOptions,
  type EpochOptions,
  type EvaluateOptions,
  evaluate,
  type LabelledSet,
  trainEpoch,
  trainEpochAsync,
} from './dataset-loop.js';
export type { NetworkTensors, SpikingLayer } from './network-tensors.js';
export {
  type BatchReduction,
  PHI_DELTAS,
  type PhiDelta,
  type ResolvedSpikingOptions,
  type SpikingNetworkOptions,
} from './options.js';
export type { BatchInputs, BatchTargets } from './presentation.js';
export { createSpikingNetwork, SpikingNetwork } from './spiking-network.js';
export type { SpikingLayerState, SpikingNetworkState } from './state.js';
export { decodeSpikingState, encodeSpikingState } from './state-bytes.js';
export { type SpikeTrace, type TraceOptions, TraceRecorder } from './trace-recorder.js';
