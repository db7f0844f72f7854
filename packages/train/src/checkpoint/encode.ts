import type { RuleFactory, Trainer } from '@rfa/learning-rules';
import type { Rng, RngState } from '@rfa/tensor';
import { trainerTensors } from '../trainer-tensors.js';
import { crc32 } from './crc32.js';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_MAGIC,
  CHECKPOINT_VERSION,
  type CheckpointHeader,
  checksumSuffix,
  DATA_ALIGNMENT,
  hex32,
  PREAMBLE_BYTES,
  type TensorEntry,
} from './format.js';

/** What a checkpoint records beyond the trainer itself. */
export interface CheckpointExtra {
  /** The factory the trainer was made with, so its options are recorded and checked on restore. */
  rule?: RuleFactory;
  /** Other generators to save, e.g. `{ data: task.rng }` or a batch shuffler's rng. */
  rngs?: Record<string, Rng | RngState>;
  metadata?: Record<string, unknown>;
  /** The time written into `created` (default now). */
  created?: Date;
}

/**
 * Serialises a trainer (weights, biases, masks, feedback matrices, optimiser state,
 * rng states, step count) as a version-1 checkpoint. Async because reading a tensor
 * back from a GPU is. Browser-safe.
 * @example
 * const bytes = await encodeCheckpoint(trainer, { rule: fa, rngs: { data: task.rng } });
 */
export async function encodeCheckpoint(trainer: Trainer, extra: CheckpointExtra = {}): Promise<Uint8Array> {
  const named = trainerTensors(trainer);
  const values: Float32Array[] = [];
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const { name, tensor } of named) {
    values.push(await tensor.read());
    tensors.push({ name, shape: [...tensor.shape], offset, length: tensor.size });
    offset += 4 * tensor.size;
  }
  const { options } = trainer;
  const header: Omit<CheckpointHeader, 'checksum'> = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    created: (extra.created ?? new Date()).toISOString(),
    network: {
      layers: trainer.network.layers.map((l) => ({
        in: l.inputSize,
        out: l.outputSize,
        activation: l.activation,
        hasMask: l.mask !== null,
      })),
    },
    rule: {
      name: trainer.rule.name,
      options: extra.rule ? { ...extra.rule.options } : null,
      feedback: trainer.rule.feedback().map((f) => ({ layer: f.layer, layout: f.layout })),
    },
    loss: options.loss,
    optimizer: {
      learningRate: options.learningRate,
      weightDecay: options.weightDecay ?? 0,
      momentum: options.momentum ?? 0,
    },
    rng: canonical(options.rng.getState()),
    rngs: Object.fromEntries(
      Object.entries(extra.rngs ?? {}).map(([k, r]) => [k, canonical('getState' in r ? r.getState() : r)]),
    ),
    step: trainer.steps,
    metadata: extra.metadata ?? {},
    tensors,
  };
  const encoder = new TextEncoder();
  const bareText = JSON.stringify(header);
  const bare = encoder.encode(bareText);
  // The checksum member has a fixed length (8 hex digits), so the layout is known before its value.
  const headerLength = bare.length - 1 + checksumSuffix(hex32(0)).length;
  const dataStart = align(PREAMBLE_BYTES + headerLength, DATA_ALIGNMENT);
  const bytes = new Uint8Array(dataStart + offset);
  const view = new DataView(bytes.buffer);
  let at = dataStart;
  for (const v of values) for (let i = 0; i < v.length; i++, at += 4) view.setFloat32(at, v[i], true);
  // CRC over the header without its checksum member, then padding and data.
  const crc = crc32(bytes.subarray(PREAMBLE_BYTES + headerLength), crc32(bare));
  bytes.set(encoder.encode(CHECKPOINT_MAGIC), 0);
  view.setUint32(8, headerLength, true);
  bytes.set(encoder.encode(bareText.slice(0, -1) + checksumSuffix(hex32(crc))), PREAMBLE_BYTES);
  return bytes;
}

// Rng keeps its words as int32 or uint32 alike; the file always holds uint32.
const canonical = (state: RngState): RngState => ({
  ...state,
  s: state.s.map((w) => w >>> 0) as [number, number, number, number],
});

const align = (n: number, to: number): number => Math.ceil(n / to) * to;
