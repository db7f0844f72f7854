import type { Activation, RngState } from '@rfa/tensor';

/** The 8 magic bytes that open a version-1 checkpoint. */
export const CHECKPOINT_MAGIC = 'RFACKPT1';
/** The header's `format` value. */
export const CHECKPOINT_FORMAT = 'rfa-checkpoint';
/** The version this code writes and reads. */
export const CHECKPOINT_VERSION = 1;
/** Magic (8) + header length (uint32). */
export const PREAMBLE_BYTES = 12;
/** The data section starts at a multiple of this many bytes. */
export const DATA_ALIGNMENT = 8;

/** Where one tensor lies in the data section: byte `offset` from its start, `length` float32 values. */
export interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

/** The JSON header of a version-1 checkpoint (README.md documents every field). */
export interface CheckpointHeader {
  format: typeof CHECKPOINT_FORMAT;
  version: typeof CHECKPOINT_VERSION;
  /** ISO 8601 time of writing. */
  created: string;
  network: { layers: { in: number; out: number; activation: Activation; hasMask: boolean }[] };
  /** The rule's name, its factory options (null when not given to the encoder) and its feedback layout. */
  rule: {
    name: string;
    options: Record<string, unknown> | null;
    feedback: { layer: number; layout: string }[];
  };
  loss: string;
  optimizer: { learningRate: number; weightDecay: number; momentum: number };
  /** The trainer's generator (feedback draws, node perturbation noise). */
  rng: RngState;
  /** Further named generators: the data stream, the batch shuffler. */
  rngs: Record<string, RngState>;
  /** The trainer's step count. */
  step: number;
  /** Free JSON for the caller (run id, metrics, ...). */
  metadata: Record<string, unknown>;
  tensors: TensorEntry[];
  /** CRC-32 (8 lowercase hex digits) of the header without this member, then every byte after the header. */
  checksum: { algorithm: 'crc32'; value: string };
}

/** A decoded checkpoint: its header and each tensor's values by name. */
export interface DecodedCheckpoint {
  header: CheckpointHeader;
  tensors: Map<string, Float32Array>;
}

/** The header text as it must end: the checksum is its last member, written without spaces. */
export function checksumSuffix(value: string): string {
  return `,"checksum":{"algorithm":"crc32","value":"${value}"}}`;
}

export const hex32 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
