/**
 * @rfa/train/node: checkpoint files for Node. The main entry stays browser-safe;
 * this one uses node:fs.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Trainer } from '@rfa/learning-rules';
import { decodeCheckpoint } from './checkpoint/decode.js';
import { type CheckpointExtra, encodeCheckpoint } from './checkpoint/encode.js';
import type { DecodedCheckpoint } from './checkpoint/format.js';

/** How `saveCheckpoint` writes the temporary file; tests swap it to simulate a failing disk. */
export interface CheckpointWriter {
  write(path: string, bytes: Uint8Array): Promise<void>;
}

/** Writes and fsyncs the whole file before closing it. */
export const fsyncWriter: CheckpointWriter = {
  async write(path, bytes) {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/**
 * Saves a checkpoint of `trainer` to `path` without ever leaving a half-written file
 * there: it writes `path.tmp-<pid>-<random>`, fsyncs it, then renames it over `path`
 * (atomic on POSIX file systems). If anything fails the temporary file is removed and
 * the previous checkpoint at `path` is untouched.
 * @example
 * await saveCheckpoint('runs/fa.rfackpt', trainer, { rule: fa, rngs: { data: task.rng } });
 */
export async function saveCheckpoint(
  path: string,
  trainer: Trainer,
  extra: CheckpointExtra = {},
  writer: CheckpointWriter = fsyncWriter,
): Promise<void> {
  const bytes = await encodeCheckpoint(trainer, extra);
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writer.write(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

// Makes the rename itself durable; some platforms cannot open a directory, which is fine.
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Reads and verifies a checkpoint file (CheckpointError if it is corrupt or foreign).
 * @example
 * restoreCheckpoint(trainer, await loadCheckpoint('runs/fa.rfackpt'), { rule: fa });
 */
export async function loadCheckpoint(path: string): Promise<DecodedCheckpoint> {
  return decodeCheckpoint(new Uint8Array(await readFile(path)));
}
