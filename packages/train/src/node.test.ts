import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedbackAlignment } from '@rfa/learning-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCheckpoint } from './checkpoint/decode.js';
import { restoreCheckpoint } from './checkpoint/restore.js';
import { CheckpointError } from './errors.js';
import { type CheckpointWriter, fsyncWriter, loadCheckpoint, saveCheckpoint } from './node.js';
import { dispose, fig2Trainer, linearTask } from './testing/fig2.js';
import { train } from './train.js';
import { trainerTensors } from './trainer-tensors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rfa-train-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const trained = async (steps: number) => {
  const trainer = fig2Trainer(feedbackAlignment());
  await train({ trainer, data: linearTask(), steps, batchSize: 1, evaluateAtStart: false });
  return trainer;
};

describe('saveCheckpoint / loadCheckpoint', () => {
  it('round-trips a trainer through a file and leaves no temporary file', async () => {
    const path = join(dir, 'a.rfackpt');
    const a = await trained(20);
    await saveCheckpoint(path, a, { rule: feedbackAlignment() });
    const b = fig2Trainer(feedbackAlignment(), { seed: 5 });
    restoreCheckpoint(b, await loadCheckpoint(path), { rule: feedbackAlignment() });
    for (const [i, { tensor }] of trainerTensors(b).entries())
      expect(tensor.readSync()).toEqual(trainerTensors(a)[i].tensor.readSync());
    expect(await readdir(dir)).toEqual(['a.rfackpt']);
    dispose(a);
    dispose(b);
  });

  it('a save that fails midway leaves the previous checkpoint intact and readable', async () => {
    const path = join(dir, 'b.rfackpt');
    const first = await trained(10);
    await saveCheckpoint(path, first);
    const before = await readFile(path);
    const later = await trained(30);
    // a disk that takes half the file and then fails
    const failing: CheckpointWriter = {
      async write(temporary, bytes) {
        await writeFile(temporary, bytes.subarray(0, bytes.length >> 1));
        throw new Error('ENOSPC: no space left on device (simulated)');
      },
    };
    await expect(saveCheckpoint(path, later, {}, failing)).rejects.toThrow('ENOSPC');
    expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array(before));
    expect((await loadCheckpoint(path)).header.step).toBe(10);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    dispose(first);
    dispose(later);
  });

  it('a rename that fails (the target is a directory) removes the temporary file and leaves the target', async () => {
    const path = join(dir, 'c.rfackpt');
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'x');
    const trainer = await trained(5);
    await expect(saveCheckpoint(path, trainer)).rejects.toThrow();
    expect(await readdir(path)).toEqual(['keep']);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    dispose(trainer);
  });

  it('the default writer refuses to overwrite an existing temporary name', async () => {
    const path = join(dir, 'exists');
    await writeFile(path, 'x');
    await expect(fsyncWriter.write(path, new Uint8Array(4))).rejects.toThrow(/EEXIST/);
  });

  it('loadCheckpoint refuses a corrupt file with CheckpointError', async () => {
    const path = join(dir, 'd.rfackpt');
    const trainer = await trained(5);
    await saveCheckpoint(path, trainer);
    const bytes = new Uint8Array(await readFile(path));
    bytes[bytes.length - 2] ^= 0x40;
    await writeFile(path, bytes);
    await expect(loadCheckpoint(path)).rejects.toThrow(CheckpointError);
    await expect(loadCheckpoint(path)).rejects.toThrow(/checksum: mismatch/);
    expect(() => decodeCheckpoint(bytes)).toThrow(CheckpointError);
    dispose(trainer);
  });
});
