/**
 * @rfa/train — the training loop and checkpoints of rfa. Browser-safe: this entry
 * imports nothing from `node:*`; checkpoint files live in `@rfa/train/node`.
 */
export { decodeCheckpoint } from './checkpoint/decode.js';
export { type CheckpointExtra, encodeCheckpoint } from './checkpoint/encode.js';
export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  type CheckpointHeader,
  type DecodedCheckpoint,
  type TensorEntry,
} from './checkpoint/format.js';
export { type RestoreOptions, restoreCheckpoint } from './checkpoint/restore.js';
export type { BatchLike, EpochSource, SampleStream, TrainData } from './data-source.js';
export type { DivergenceOptions, DivergenceReport } from './divergence.js';
export { CheckpointError } from './errors.js';
export type { EventSinks, TrainEvent, TrainEventType } from './events.js';
export { restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.js';
export { train } from './train.js';
export type { HistoryEntry, TrainOptions, TrainResult } from './train-options.js';
export { type NamedTensor, trainerTensors } from './trainer-tensors.js';
export { yieldToEventLoop } from './yield.js';
