import { CheckpointError } from '@rfa/train';
import { CHECKPOINT_WAY_OUT } from '../sealed-store.js';
import type { RunCheckpoint } from './run-context.js';

/**
 * A run's saved state, decoded; null when there is none. Whatever the decoder refuses (a file
 * cut short, a foreign or older format) becomes a CheckpointError naming the file and what to do.
 */
export async function loadCheckpoint<T>(
  checkpoint: RunCheckpoint | undefined,
  decode: (bytes: Uint8Array) => T,
): Promise<T | null> {
  const bytes = await checkpoint?.load();
  if (!bytes) return null;
  try {
    return decode(bytes);
  } catch (err) {
    throw new CheckpointError(
      (err as { field?: string }).field ?? 'format',
      `${checkpoint?.where ?? 'the checkpoint'} cannot be read (${(err as Error).message}): ${CHECKPOINT_WAY_OUT}`,
    );
  }
}
