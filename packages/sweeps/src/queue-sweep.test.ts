import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSweep } from './collect-sweep.js';
import { QueueUnreachableError } from './errors.js';
import { expandSweep } from './expand-sweep.js';
import { startQueueWorker } from './queue-worker.js';
import { resultStore } from './result-store.js';
import { runJob } from './run-job.js';
import { submitSweep } from './submit-sweep.js';
import type { SweepEvent } from './sweep-events.js';
import { parseSweepSpec } from './sweep-spec.js';
import { collectAll, tempDir } from './testing/fault-harness.js';
import { spawnWorker, waitFor } from './testing/spawn-worker.js';
import { tinyFig4 } from './testing/tiny-fig4.js';
import { freePort, redisSkipReason, startRedis, type TestRedis } from './testing.js';

const skip = redisSkipReason();
if (skip) console.log(`skipping the Redis queue tests: ${skip}`);

// fig2 (FA) with 24 000 online steps: one to three seconds per job here, long enough to kill one mid-way
const spec = parseSweepSpec({
  experiment: 'fig2',
  rules: ['fa'],
  seeds: { from: 1, to: 20 },
  set: { steps: 24000, evaluateEvery: 100, heldOut: 200 },
});

describe.skipIf(skip)('sweeps through BullMQ on a real redis-server (loopback)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('refuses an unreachable Redis within seconds, before queueing anything', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const jobs = expandSweep({ ...spec, seeds: [1] });
    const t0 = Date.now();
    await expect(submitSweep(jobs, { url })).rejects.toThrow(QueueUnreachableError);
    await expect(submitSweep(jobs, { url })).rejects.toThrow(`cannot reach the queue's Redis at ${url}`);
    await expect(startQueueWorker({ url })).rejects.toThrow(QueueUnreachableError);
    const store = resultStore(join(tempDir('collect'), 'jobs'));
    await expect(collectSweep(jobs, { url, store })).rejects.toThrow(QueueUnreachableError);
    await expect(submitSweep(jobs, { url: 'http://127.0.0.1:1' })).rejects.toThrow(/expected a redis:\/\//);
    expect(Date.now() - t0).toBeLessThan(10_000);
    // the live server got nothing under the default queue name either
    const queue = new Queue('rfa-sweeps', { connection: { url: redis.url } });
    expect(await queue.count()).toBe(0);
    await queue.close();
  });

  it('each scored epoch of fig4 reaches the worker and the collector as an event, equal to the curve in the result', async () => {
    const queueName = `sweep-epochs-${process.pid}`;
    const jobs = expandSweep(parseSweepSpec(tinyFig4));
    const queue = new Queue(queueName, { connection: { url: redis.url } });
    const atWorker: SweepEvent[] = [];
    const atCollector: SweepEvent[] = [];
    await submitSweep(jobs, { url: redis.url, queueName });
    // the collector listens first (the queue's events reach only those listening), then a worker starts
    const collecting = collectSweep(jobs, {
      url: redis.url,
      queueName,
      store: resultStore(join(tempDir('epochs'), 'jobs')),
      wait: true,
      pollMs: 100,
      signal: AbortSignal.timeout(60_000),
      onEvent: (e) => atCollector.push(e),
    });
    // BullMQ names the collector's event reader bull:<queue in base64>:qe; once it is blocked on
    // XREAD it gets every event after
    const reader = `name=bull:${Buffer.from(queueName).toString('base64')}:qe `;
    const admin = new Redis(redis.url);
    await waitFor('the collector to listen', 30_000, async () =>
      String(await admin.client('LIST'))
        .split('\n')
        .some((l: string) => l.includes(reader) && l.includes('cmd=xread'))
        ? true
        : undefined,
    );
    admin.disconnect();
    const worker = await startQueueWorker({
      url: redis.url,
      queueName,
      concurrency: 1,
      onEvent: (e) => atWorker.push(e),
    });
    try {
      const outcome = await collecting;
      const { testError } = outcome.results[0].run.curves; // epochs at 0, 0.5, 1, 1.5, 2
      const expected = [
        [jobs[0].id, 1, { testError: testError[2] }],
        [jobs[0].id, 2, { testError: testError[4] }],
      ];
      const epochs = (events: SweepEvent[]) =>
        events.flatMap((e) => (e.type === 'epoch' ? [[e.job.id, e.epoch, e.metrics]] : []));
      expect(epochs(atWorker)).toEqual(expected);
      expect(epochs(atCollector)).toEqual(expected);
      // the fractions still arrive as numbers between the epoch reports
      expect(atCollector.some((e) => e.type === 'progress' && e.fraction > 0 && e.fraction <= 1)).toBe(true);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 90_000);

  it('a job that fails its retries is reported with its error, the rest finish, and a resubmission retries it', async () => {
    const queueName = `sweep-fail-${process.pid}`;
    const [good, other] = expandSweep({ ...spec, seeds: [1, 2], set: { steps: 300, heldOut: 100 } });
    // settings that do not give the job's id, as a worker of another version would see them: refused every time
    const bad = { ...other, settings: { ...other.settings, steps: 301 } };
    const worker = await startQueueWorker({ url: redis.url, queueName, concurrency: 2 });
    const queue = new Queue(queueName, { connection: { url: redis.url } });
    try {
      await submitSweep([good, bad], { url: redis.url, queueName, attempts: 2, backoffSeconds: 0.05 });
      const outcome = await collectSweep([good, bad], {
        url: redis.url,
        queueName,
        store: resultStore(join(tempDir('fail'), 'jobs')),
        wait: true,
        pollMs: 100,
        signal: AbortSignal.timeout(60_000),
      });
      expect(outcome.results.map((r) => r.job.id)).toEqual([good.id]);
      expect(outcome.failed).toEqual([{ job: bad, error: expect.stringMatching(/another config/) }]);
      expect(outcome.pending).toEqual([]);
      expect((await queue.getJob(bad.id))?.attemptsMade).toBe(2); // tried, backed off, tried again
      const again = await submitSweep([good, bad], { url: redis.url, queueName });
      expect([again.skipped, again.retried]).toEqual([[good], [bad]]);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 90_000);

  it('two worker processes, one SIGKILLed mid-job: all 20 results arrive exactly once, each equal to the seed run locally; resubmitting runs nothing', async () => {
    const queueName = `sweep-test-${process.pid}`;
    const jobs = expandSweep(spec);
    expect(jobs).toHaveLength(20);
    const checkpointDir = tempDir('ckpt');
    const workerOptions = {
      url: redis.url,
      queueName,
      concurrency: 1,
      lockSeconds: 3,
      checkpointDir,
      checkpointSeconds: 0.1,
    };
    const events = new QueueEvents(queueName, { connection: { url: redis.url } });
    const completions = new Map<string, number>();
    events.on('completed', ({ jobId }) => completions.set(jobId, (completions.get(jobId) ?? 0) + 1));
    await events.waitUntilReady();
    const queue = new Queue(queueName, { connection: { url: redis.url } });
    const a = await spawnWorker(workerOptions);
    const b = await spawnWorker(workerOptions);
    try {
      const submitted = await submitSweep(jobs, {
        url: redis.url,
        queueName,
        attempts: 3,
        backoffSeconds: 1,
      });
      expect(submitted.queued).toHaveLength(20);

      // wait until worker A is a third into a job and has written its checkpoint (checkpoints
      // are timed, so on a loaded machine progress can run ahead of the first one), then SIGKILL it
      const hasCheckpoint = (seed: number) =>
        readdirAll(checkpointDir).some((f) => f.endsWith(`seed-${seed}/fa.ckpt`));
      const killed = await waitFor('a checkpointed job a third done on worker A', 60_000, async () =>
        (await queue.getActive()).find(
          (j) => j.processedBy === a.name && Number(j.progress) > 0.33 && hasCheckpoint(j.data.seed),
        ),
      );
      a.child.kill('SIGKILL');
      expect(hasCheckpoint(killed.data.seed), 'the killed job left a checkpoint to resume from').toBe(true);

      const store = resultStore(join(tempDir('results'), 'jobs'));
      const outcome = await collectAll(jobs, { url: redis.url, queueName, store }, 150_000);
      expect(outcome.pending).toEqual([]);
      expect(outcome.failed).toEqual([]);
      expect(outcome.results.map((r) => r.job.id)).toEqual(jobs.map((j) => j.id));

      // exactly once: each job completed once on the queue, and the killed one by worker B
      await waitFor('every completion event', 10_000, async () =>
        completions.size === 20 ? true : undefined,
      );
      expect([...completions.values()]).toEqual(jobs.map(() => 1));
      const recovered = await queue.getJob(killed.id!);
      expect(recovered?.processedBy).toBe(b.name);
      expect(recovered?.attemptsStarted).toBeGreaterThanOrEqual(2);
      expect(b.finished).toContain(killed.id);
      expect(a.finished).not.toContain(killed.id);
      expect(a.finished.length + b.finished.length).toBe(20);

      // each result equals the same seed run here, bit for bit (the killed one resumed from its checkpoint)
      for (const result of outcome.results) {
        const local = await runJob(result.job);
        expect(result.run, `seed ${result.job.seed}`).toStrictEqual(local.run);
        expect(result.provenance.gitCommit).toBe(local.provenance.gitCommit);
      }

      // a resubmitted finished sweep runs no job
      const again = await submitSweep(jobs, { url: redis.url, queueName });
      expect(again.skipped).toHaveLength(20);
      expect([again.queued, again.alreadyQueued, again.retried]).toEqual([[], [], []]);
      const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'completed');
      expect(counts).toEqual({ wait: 0, active: 0, delayed: 0, prioritized: 0, completed: 20 });
      await new Promise((r) => setTimeout(r, 1500));
      expect(b.finished.length + a.finished.length).toBe(20);
      expect([...completions.values()]).toEqual(jobs.map(() => 1));
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 300_000);
});

function readdirAll(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]) : [];
}
