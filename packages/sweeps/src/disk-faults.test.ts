import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointStoreError } from '@rfa/experiments';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultStoreError } from './errors.js';
import { expandSweep } from './expand-sweep.js';
import { resultStore } from './result-store.js';
import { runJob } from './run-job.js';
import { parseSweepSpec } from './sweep-spec.js';
import { checkpointAThird, tempDir } from './testing/fault-harness.js';
import { mountTmpfs, type Tmpfs, tmpfsSkipReason } from './testing/tmpfs.js';

const skip = tmpfsSkipReason();
if (skip) console.log(`skipping the full and read-only disk tests: ${skip}`);

const [job] = expandSweep(
  parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: [5], set: { steps: 20000, heldOut: 100 } }),
);
const files = (dir: string) => readdirSync(dir, { recursive: true }) as string[];

/** Writes filler until the disk is full (ENOSPC). */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const block = Buffer.alloc(4096, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(filler, block, { flag: i ? 'a' : 'w' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return filler;
      throw err;
    }
  }
}

describe('a results or checkpoint folder that cannot be written', () => {
  it('missing and impossible to create (a file stands in its path): a named error, nothing half-written', async () => {
    const base = tempDir('disk');
    writeFileSync(join(base, 'file'), 'x');
    const dir = join(base, 'file', 'jobs');
    const result = await runJob(job!);
    const store = resultStore(dir);
    await expect(store.save(result)).rejects.toThrow(ResultStoreError);
    await expect(store.save(result)).rejects.toThrow(
      `${join(dir, `${job!.id}.json`)}: cannot be written (ENOTDIR`,
    );
    await expect(
      runJob(job!, { checkpointDir: join(base, 'file', 'ckpt'), checkpointSeconds: 0 }),
    ).rejects.toThrow(CheckpointStoreError);
    expect(readdirSync(base)).toEqual(['file']);
  }, 60_000);
});

describe.skipIf(skip)('full and read-only disks (a small tmpfs)', () => {
  let disk: Tmpfs | undefined;
  afterEach(() => {
    disk?.unmount();
    disk = undefined;
  });

  it('a full checkpoint disk: CheckpointStoreError names the file, the last good checkpoint stays whole, and the run resumes from it once there is room', async () => {
    const reference = await runJob(job!);
    disk = mountTmpfs('512k');
    const ckpt = await checkpointAThird(job!, disk.dir);
    const good = readFileSync(ckpt);
    const filler = fill(disk.dir);
    const failed = runJob(job!, { checkpointDir: disk.dir, checkpointSeconds: 0 });
    await expect(failed).rejects.toThrow(CheckpointStoreError);
    await expect(runJob(job!, { checkpointDir: disk.dir, checkpointSeconds: 0 })).rejects.toThrow(
      new RegExp(`^${ckpt}: cannot be written \\(ENOSPC`),
    );
    expect(readFileSync(ckpt).equals(good)).toBe(true);
    expect(files(disk.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    rmSync(filler);
    const resumed = await runJob(job!, { checkpointDir: disk.dir, checkpointSeconds: 0 });
    expect(resumed.run).toStrictEqual(reference.run);
  }, 120_000);

  it('a full results disk: ResultStoreError names the file and nothing is left under its name', async () => {
    const result = await runJob(job!);
    disk = mountTmpfs('64k');
    const store = resultStore(join(disk.dir, 'jobs'));
    fill(disk.dir);
    await expect(store.save(result)).rejects.toThrow(
      `${join(disk.dir, 'jobs', `${job!.id}.json`)}: cannot be written (ENOSPC`,
    );
    expect(files(disk.dir)).toEqual(['filler', 'jobs']);
    expect(await store.load(job!.id)).toBeNull();
  }, 60_000);

  it('read-only disks: both stores name the path; a read-only checkpoint folder with a good checkpoint is still resumed from when it is writable again', async () => {
    disk = mountTmpfs('512k');
    mkdirSync(join(disk.dir, 'jobs'));
    const ckpt = await checkpointAThird(job!, join(disk.dir, 'ckpt'));
    disk.readOnly();
    const result = await runJob(job!);
    await expect(resultStore(join(disk.dir, 'jobs')).save(result)).rejects.toThrow(
      `${join(disk.dir, 'jobs', `${job!.id}.json`)}: cannot be written (EROFS`,
    );
    await expect(
      runJob(job!, { checkpointDir: join(disk.dir, 'ckpt'), checkpointSeconds: 0 }),
    ).rejects.toThrow(`${ckpt}: cannot be written (EROFS`);
    disk.writable();
    const resumed: number[] = [];
    const done = await runJob(job!, {
      checkpointDir: join(disk.dir, 'ckpt'),
      progressMs: 0,
      onProgress: (f) => resumed.push(f),
    });
    // progress counts the work done in this call: about two thirds, as it resumed from the checkpoint
    expect(Math.max(...resumed)).toBeGreaterThan(0.5);
    expect(Math.max(...resumed)).toBeLessThan(0.7);
    expect(done.run).toStrictEqual(result.run);
  }, 60_000);
});
