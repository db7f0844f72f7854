import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from './expand-sweep.js';
import { runLocalSweep } from './local-pool.js';
import { type CorruptResult, resultStore } from './result-store.js';
import { runJob } from './run-job.js';
import { storedOutcome } from './stored-outcome.js';
import { parseSweepSpec } from './sweep-spec.js';
import { checkpointAThird, tempDir } from './testing/fault-harness.js';

const flipByte = (file: string, at: number) => {
  const bytes = readFileSync(file);
  bytes[at]! ^= 0x01;
  writeFileSync(file, bytes);
};

const jobs = expandSweep(
  parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: [1, 2, 3], set: { steps: 600, heldOut: 100 } }),
);

describe('a damaged result in the sweep store counts as missing and runs again', () => {
  it('one flipped digit, one truncated file, one foreign file: moved aside, named, re-run to the same numbers', async () => {
    const dir = join(tempDir('corrupt-results'), 'jobs');
    const found: CorruptResult[] = [];
    const store = resultStore(dir, { onCorrupt: (c) => found.push(c) });
    const first = await runLocalSweep(jobs, { store, workers: 2 });
    expect(first.results).toHaveLength(3);
    const file = (i: number) => join(dir, `${jobs[i]!.id}.json`);
    // a digit of a number deep in the run: still valid JSON, so only the checksum can tell
    const text = readFileSync(file(0), 'latin1');
    const runAt = text.indexOf('"run":');
    const digit = runAt + text.slice(runAt).search(/\d\.\d{6}/) + 4;
    expect(text[digit]).toMatch(/[0-9]/);
    flipByte(file(0), digit);
    truncateSync(file(1), 100);
    writeFileSync(file(2), readFileSync(file(0)).toString().replace(jobs[0]!.id, jobs[2]!.id));

    const seen = await storedOutcome(jobs, store);
    expect(seen.pending.map((j) => j.id)).toEqual(jobs.map((j) => j.id));
    expect(found.map((c) => [c.file, c.movedTo, c.problem])).toEqual([
      [file(0), `${file(0)}.corrupt`, 'its SHA-256 does not match its content'],
      [file(1), `${file(1)}.corrupt`, expect.stringMatching(/^not JSON/)],
      [file(2), `${file(2)}.corrupt`, 'its SHA-256 does not match its content'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(jobs.map((j) => `${j.id}.json.corrupt`).sort());

    const events: string[] = [];
    const again = await runLocalSweep(jobs, { store, workers: 2, onEvent: (e) => events.push(e.type) });
    expect(events.filter((t) => t === 'finished')).toHaveLength(3);
    for (const [i, r] of again.results.entries()) expect(r.run).toStrictEqual(first.results[i]!.run);
    expect((await storedOutcome(jobs, store)).pending).toEqual([]);
  }, 120_000);

  it('a result written before checksums (no sha256 field) is still read when it is whole', async () => {
    const dir = join(tempDir('legacy-results'), 'jobs');
    const store = resultStore(dir);
    const [result] = (await runLocalSweep(jobs.slice(0, 1), { store, workers: 1 })).results;
    const file = join(dir, `${jobs[0]!.id}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,"sha256":"[0-9a-f]{64}"\}\n$/, '}\n'));
    expect(readFileSync(file, 'utf8')).not.toContain('sha256');
    expect((await store.load(jobs[0]!.id))?.run).toStrictEqual(result!.run);
  }, 60_000);
});

describe('a damaged checkpoint is refused with its path and what to do', () => {
  const [long] = expandSweep(
    parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: [4], set: { steps: 20000, heldOut: 100 } }),
  );

  /** The job stopped a third of the way, in a new folder: the folder and the checkpoint's path. */
  async function checkpointed(): Promise<{ dir: string; ckpt: string }> {
    const dir = tempDir('corrupt-ckpt');
    return { dir, ckpt: await checkpointAThird(long!, dir) };
  }

  it('a flipped byte (in the weights, the header, the checksum) and a cut-off tail: CheckpointError naming the file; deleting it runs from the start to the same numbers', async () => {
    const reference = await runJob(long!);
    const { dir, ckpt } = await checkpointed();
    const good = readFileSync(ckpt);
    const damage = [
      () => flipByte(ckpt, good.length - 1000), // a weight
      () => flipByte(ckpt, 20), // the header
      () => flipByte(ckpt, good.length - 2), // the trailer's CRC
      () => truncateSync(ckpt, good.length - 7),
      () => truncateSync(ckpt, 0),
    ];
    for (const [i, spoil] of damage.entries()) {
      writeFileSync(ckpt, good);
      spoil();
      const failed = runJob(long!, { checkpointDir: dir });
      await expect(failed, `damage ${i}`).rejects.toMatchObject({ code: 'CHECKPOINT' });
      await expect(runJob(long!, { checkpointDir: dir })).rejects.toThrow(
        `${ckpt} ${i < 3 ? 'is damaged' : 'cannot be read ('}`, // a cut tail loses the trailer: the decoder refuses it
      );
    }
    await expect(runJob(long!, { checkpointDir: dir })).rejects.toThrow(
      /delete it to run this seed of this rule from its beginning/,
    );
    rmSync(ckpt);
    expect((await runJob(long!, { checkpointDir: dir })).run).toStrictEqual(reference.run);
    // and a whole checkpoint resumes to the same numbers
    const again = await checkpointed();
    expect(existsSync(again.ckpt)).toBe(true);
    expect((await runJob(long!, { checkpointDir: again.dir })).run).toStrictEqual(reference.run);
    // and one saved before checkpoints had a trailer (the same bytes without its last 12) still resumes
    const legacy = await checkpointed();
    const whole = readFileSync(legacy.ckpt);
    writeFileSync(legacy.ckpt, whole.subarray(0, whole.length - 12));
    expect((await runJob(long!, { checkpointDir: legacy.dir })).run).toStrictEqual(reference.run);
  }, 180_000);
});
