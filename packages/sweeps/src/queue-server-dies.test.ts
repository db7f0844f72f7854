import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { expandSweep } from './expand-sweep.js';
import { resultStore } from './result-store.js';
import { submitSweep } from './submit-sweep.js';
import { parseSweepSpec } from './sweep-spec.js';
import { cleanupAfterEach, collectAll, expectLocalRuns, tempDir } from './testing/fault-harness.js';
import { spawnWorker, type WorkerProcess, waitFor } from './testing/spawn-worker.js';
import { redisSkipReason, startRedis, startTcpProxy } from './testing.js';

const skip = redisSkipReason();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long redis-server stays dead (RFA_FAULT_REDIS_DOWN_MS; the README reports 10 s tried by hand). */
const downMs = Number(process.env.RFA_FAULT_REDIS_DOWN_MS ?? 3000);

// fig3d's quick preset, one rule, 4 seeds: about 4 s of CPU per job here
const spec = parseSweepSpec({
  experiment: 'fig3d',
  rules: ['shallow'],
  seeds: { from: 1, to: 4 },
  quick: true,
});

const cleanup = cleanupAfterEach();
const kill = (w: WorkerProcess) => () => w.child.kill('SIGKILL');
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe.skipIf(skip)('the queue server dies (real redis-server, loopback)', () => {
  it(`appendonly yes: redis-server SIGKILLed mid-sweep and restarted ${downMs} ms later; workers and the waiting collector carry on, each result once, equal to a local run`, async () => {
    const redis = await startRedis({ appendOnly: true });
    cleanup(() => redis.stop());
    const jobs = expandSweep(spec);
    const queueName = 'dies';
    const options = { url: redis.url, queueName, concurrency: 1, lockSeconds: downMs / 1000 + 20 };
    const workers = [await spawnWorker(options), await spawnWorker(options)];
    for (const w of workers) cleanup(kill(w));
    await submitSweep(jobs, { url: redis.url, queueName, backoffSeconds: 1 });
    const store = resultStore(join(tempDir('dies'), 'jobs'));
    const collecting = collectAll(jobs, { url: redis.url, queueName, store }, 240_000);
    // both workers mid-job: crash the server, keep it down, bring it back on the same port and file
    const queue = new Queue(queueName, { connection: { url: redis.url, maxRetriesPerRequest: null } });
    queue.on('error', () => {});
    cleanup(() => queue.close());
    await waitFor('two jobs a fifth done', 120_000, async () =>
      (await queue.getActive()).filter((j) => Number(j.progress) > 0.2).length >= 2 ? true : undefined,
    );
    await redis.kill();
    await sleep(downMs);
    await redis.restart();
    const outcome = await collecting;
    expect(outcome.pending).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.lost).toEqual([]);
    expect(ids(outcome.results.map((r) => r.job))).toEqual(ids(jobs));
    // each job finished exactly once, across both workers
    await sleep(500);
    const finished = workers.flatMap((w) => w.finished).sort();
    expect(finished).toEqual(ids(jobs));
    // each worker said once that Redis went away (ECONNREFUSED while it was down, or the reset)
    for (const w of workers) expect(w.connectionLost.length, w.name).toBeGreaterThanOrEqual(1);
    await expectLocalRuns(outcome.results);
  }, 300_000);

  it('no persistence: the restarted queue has lost the jobs; collect says which, and submitting again queues only those', async () => {
    const redis = await startRedis();
    cleanup(() => redis.stop());
    const jobs = expandSweep(spec);
    const queueName = 'forgets';
    const worker = await spawnWorker({ url: redis.url, queueName, concurrency: 1, lockSeconds: 30 });
    cleanup(kill(worker));
    await submitSweep(jobs, { url: redis.url, queueName });
    const store = resultStore(join(tempDir('forgets'), 'jobs'));
    const collecting = collectAll(jobs, { url: redis.url, queueName, store }, 120_000);
    // once one result is in the store, crash the server and restart it empty
    await waitFor('a first result in the store', 90_000, async () =>
      (await Promise.all(jobs.map((j) => store.load(j.id)))).some(Boolean) ? true : undefined,
    );
    await redis.kill();
    await redis.restart();
    const outcome = await collecting;
    const done = outcome.results.map((r) => r.job);
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThan(jobs.length);
    expect(ids(outcome.lost)).toEqual(ids(jobs.filter((j) => !done.some((d) => d.id === j.id))));
    expect(ids(outcome.pending)).toEqual(ids(outcome.lost));

    // submitting the same sweep again queues just the lost jobs; the worker (reconnected) runs them
    const again = await submitSweep(jobs, { url: redis.url, queueName, store });
    expect(ids(again.queued)).toEqual(ids(outcome.lost));
    expect(ids(again.skipped)).toEqual(ids(done));
    const rest = await collectAll(jobs, { url: redis.url, queueName, store }, 120_000);
    expect([rest.pending, rest.failed, rest.lost]).toEqual([[], [], []]);
    expect(ids(rest.results.map((r) => r.job))).toEqual(ids(jobs));
    await expectLocalRuns(rest.results);
  }, 300_000);

  it('a worker cut off for longer than its lock gives the job up; another resumes it from the checkpoint and it completes once', async () => {
    const redis = await startRedis();
    cleanup(() => redis.stop());
    const proxy = await startTcpProxy(redis.port);
    cleanup(() => proxy.close());
    // fig2 with 100 000 steps: several seconds a job, checkpointed every 0.2 s
    const [job] = expandSweep(
      parseSweepSpec({
        experiment: 'fig2',
        rules: ['fa'],
        seeds: [7],
        set: { steps: 100000, evaluateEvery: 100, heldOut: 200 },
      }),
    );
    const queueName = 'cutoff';
    const checkpointDir = tempDir('cutoff-ckpt');
    const common = { queueName, concurrency: 1, lockSeconds: 1, checkpointDir, checkpointSeconds: 0.2 };
    const cutOff = await spawnWorker({ ...common, url: `redis://127.0.0.1:${proxy.port}` });
    cleanup(kill(cutOff));
    await submitSweep([job!], { url: redis.url, queueName });
    const queue = new Queue(queueName, { connection: { url: redis.url } });
    cleanup(() => queue.close());
    const hasCheckpoint = () =>
      existsSync(checkpointDir) &&
      (readdirSync(checkpointDir, { recursive: true }) as string[]).some((f) => f.endsWith('fa.ckpt'));
    await waitFor('the cut-off worker a tenth into the job, checkpointed', 60_000, async () => {
      const active = await queue.getActive();
      return active[0]?.processedBy === cutOff.name && Number(active[0].progress) > 0.1 && hasCheckpoint()
        ? true
        : undefined;
    });
    // cut the link, start a worker that reaches Redis, and keep the link down past two lock periods
    proxy.cut();
    const other = await spawnWorker({ ...common, url: redis.url });
    cleanup(kill(other));
    await waitFor('the other worker to take the stalled job', 30_000, async () =>
      (await queue.getActive())[0]?.processedBy === other.name ? true : undefined,
    );
    proxy.restore();
    const store = resultStore(join(tempDir('cutoff'), 'jobs'));
    const outcome = await collectAll([job!], { url: redis.url, queueName, store }, 120_000);
    expect(outcome.results).toHaveLength(1);
    await waitFor('the cut-off worker to give the job up', 20_000, async () =>
      cutOff.lockLost.includes(job!.id) ? true : undefined,
    );
    await sleep(1000);
    expect(other.finished).toEqual([job!.id]);
    expect(cutOff.finished).toEqual([]);
    expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active')).toEqual({
      completed: 1,
      failed: 0,
      wait: 0,
      active: 0,
    });
    await expectLocalRuns(outcome.results);
  }, 240_000);
});
