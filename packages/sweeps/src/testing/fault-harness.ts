// Test helpers of this package's fault tests (not exported): temp folders, cleanup after each
// test, a job stopped a third of the way with its checkpoint, waiting for every result, and
// the check that a result equals the same job run in this process.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { type CollectOptions, type CollectOutcome, collectSweep } from '../collect-sweep.js';
import type { SweepJob } from '../expand-sweep.js';
import type { JobResult } from '../job-result.js';
import { runJob } from '../run-job.js';

/** A new empty folder under the system's temp folder. */
export const tempDir = (name: string): string => mkdtempSync(join(tmpdir(), `rfa-${name}-`));

/** What each test hands over to undo (servers, workers, queues), undone after it, last first. */
export function cleanupAfterEach(): (undo: () => unknown) => void {
  const undos: (() => unknown)[] = [];
  afterEach(async () => {
    for (const undo of undos.splice(0).reverse()) await undo();
  });
  return (undo) => void undos.push(undo);
}

/** Runs `job` until a third is done (a checkpoint at every evaluation), then stops it; the checkpoint's path. */
export async function checkpointAThird(job: SweepJob, dir: string): Promise<string> {
  const stop = new AbortController();
  await expect(
    runJob(job, {
      checkpointDir: dir,
      checkpointSeconds: 0,
      progressMs: 0,
      signal: stop.signal,
      onProgress: (f) => f > 0.33 && stop.abort(),
    }),
  ).rejects.toThrow(/interrupted/);
  const ckpt = (readdirSync(dir, { recursive: true }) as string[]).find((f) => f.endsWith('fa.ckpt'));
  expect(ckpt, `a checkpoint under ${dir}`).toBeDefined();
  return join(dir, ckpt!);
}

/** Waits on the queue for every job's result (polling every 200 ms) for at most `ms`. */
export const collectAll = (
  jobs: SweepJob[],
  options: Pick<CollectOptions, 'url' | 'queueName' | 'store'>,
  ms: number,
): Promise<CollectOutcome> =>
  collectSweep(jobs, { ...options, wait: true, pollMs: 200, signal: AbortSignal.timeout(ms) });

/** Each result equals the same job run here, bit for bit. */
export async function expectLocalRuns(results: JobResult[]): Promise<void> {
  for (const result of results)
    expect(result.run, `seed ${result.job.seed}`).toStrictEqual((await runJob(result.job)).run);
}
