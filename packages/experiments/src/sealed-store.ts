import { CheckpointError } from '@rfa/train';
import { crc32 } from '@rfa/train/internal';
import type { CheckpointStore } from './checkpoint-store.js';

/** The trailer `sealedStore` appends: 8 marker bytes, then the CRC-32 (little-endian) of what precedes. */
const MARKER = new TextEncoder().encode('rfa-crc1');
const TRAILER_BYTES = MARKER.length + 4;

/** Where a key lives, for messages: the store's own description (a file path) or the key. */
export const describeKey = (store: CheckpointStore, key: string) => store.describe?.(key) ?? key;

/** What to do about a damaged checkpoint, in every refusal. */
export const CHECKPOINT_WAY_OUT = 'delete it to run this seed of this rule from its beginning';

/**
 * `store` with a CRC-32 trailer on everything saved and checked on load, so a flipped byte in
 * a checkpoint or a finished run's file is found whatever its format: CheckpointError
 * (`field` 'checksum') naming the file and what to do. Bytes without a trailer (saved by an
 * rfa before this check, or cut short) are passed on as they are, for the format's own
 * decoder to judge (trainer checkpoints carry their own CRC-32; see `loadCheckpoint`).
 */
export function sealedStore(store: CheckpointStore): CheckpointStore {
  return {
    ...store,
    async load(key) {
      const bytes = await store.load(key);
      if (!bytes) return null;
      if (!hasTrailer(bytes)) return bytes;
      const body = bytes.subarray(0, bytes.length - TRAILER_BYTES);
      const view = new DataView(bytes.buffer, bytes.byteOffset + body.length + MARKER.length, 4);
      const want = view.getUint32(0, true);
      const got = crc32(body);
      if (got !== want)
        throw new CheckpointError(
          'checksum',
          `${describeKey(store, key)} is damaged (CRC-32 ${hex(got)}, saved as ${hex(want)}): ${CHECKPOINT_WAY_OUT}`,
        );
      return body;
    },
    async save(key, bytes) {
      const sealed = new Uint8Array(bytes.length + TRAILER_BYTES);
      sealed.set(bytes);
      sealed.set(MARKER, bytes.length);
      new DataView(sealed.buffer).setUint32(bytes.length + MARKER.length, crc32(bytes), true);
      await store.save(key, sealed);
    },
  };
}

function hasTrailer(bytes: Uint8Array): boolean {
  if (bytes.length < TRAILER_BYTES) return false;
  const at = bytes.length - TRAILER_BYTES;
  return MARKER.every((b, i) => bytes[at + i] === b);
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
