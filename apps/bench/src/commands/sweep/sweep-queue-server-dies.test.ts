import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandSweep, parseSweepSpec, resultStore, runJob } from '@rfa/sweeps';
import { redisSkipReason, startRedis } from '@rfa/sweeps/testing';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { type CliProcess, spawnCli } from '../../testing/cli-process.js';

const skip = redisSkipReason();
/** How long redis-server stays dead (RFA_FAULT_REDIS_DOWN_MS; the issue asks for 10 s, this default keeps the test short). */
const downMs = Number(process.env.RFA_FAULT_REDIS_DOWN_MS ?? 5000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The job ids a CLI worker printed as finished (`finished <id> (…)`). */
const finishedBy = (w: CliProcess) => [...w.output().matchAll(/^finished (\S+) \(/gm)].map((m) => m[1]);

// fig3d's quick preset, one rule, two seeds: a few seconds of CPU per job, one job per worker
const flags = ['fig3d', '--quick', '--rules', 'shallow', '--seeds', '1-2'];
const jobs = expandSweep(
  parseSweepSpec({ experiment: 'fig3d', quick: true, rules: ['shallow'], seeds: [1, 2] }),
);

describe.skipIf(skip)(
  'the queue server dies under the CLI (real redis-server, appendonly yes, loopback)',
  () => {
    it(`'pnpm bench sweep … --queue --wait': redis-server SIGKILLed mid-sweep and restarted ${downMs} ms later; the submitter and the workers reconnect on their own, each result arrives once, equal to a local run`, async () => {
      const redis = await startRedis({ appendOnly: true });
      const dir = mkdtempSync(join(tmpdir(), 'rfa-cli-dies-'));
      const out = join(dir, 'out');
      const queueName = `cli-dies-${process.pid}`;
      const place = ['--queue', redis.url, '--queue-name', queueName];
      // a lock longer than the outage: the running jobs are not taken for stalled while Redis is down
      const workerFlags = ['--concurrency', '1', '--lock-seconds', String(downMs / 1000 + 20)];
      const workers = [1, 2].map((n) =>
        spawnCli(['worker', ...place, ...workerFlags, '--checkpoint-dir', join(dir, `ckpt-${n}`)]),
      );
      const queue = new Queue(queueName, { connection: { url: redis.url, maxRetriesPerRequest: null } });
      queue.on('error', () => {});
      let submitter: CliProcess | undefined;
      try {
        for (const w of workers) await w.waitFor('takes jobs from', 30_000);
        submitter = spawnCli(['sweep', ...flags, ...place, '--out', out, '--wait']);
        await submitter.waitFor('queued 2, already queued 0', 30_000);
        // both jobs running and a fifth done: crash the server, keep it down, bring it back on the same port and file
        const deadline = Date.now() + 60_000;
        while ((await queue.getActive()).filter((j) => Number(j.progress) > 0.2).length < 2) {
          if (Date.now() > deadline)
            throw new Error(`the two jobs never ran side by side:\n${submitter.output()}`);
          await sleep(100);
        }
        await redis.kill();
        await sleep(downMs);
        await redis.restart();

        const ended = await Promise.race([submitter.done, sleep(90_000).then(() => null)]);
        expect(ended?.code, submitter.output()).toBe(0);
        expect(ended?.out).toContain("lost the queue's connection");
        // every result once in the store, each equal to the same job run here
        expect(readdirSync(join(out, 'jobs')).sort()).toEqual(jobs.map((j) => `${j.id}.json`).sort());
        const store = resultStore(join(out, 'jobs'));
        for (const job of jobs) {
          const result = await store.load(job.id);
          expect(result?.run, `seed ${job.seed}`).toStrictEqual((await runJob(job)).run);
        }
        // each job finished exactly once, across both workers, and each worker saw Redis go away
        await sleep(500);
        expect(workers.flatMap(finishedBy).sort()).toEqual(jobs.map((j) => j.id).sort());
        for (const w of workers) expect(w.output()).toContain("lost the queue's connection");
        expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active')).toEqual({
          completed: 2,
          failed: 0,
          wait: 0,
          active: 0,
        });
      } finally {
        submitter?.child.kill('SIGKILL');
        for (const w of workers) w.child.kill('SIGKILL');
        await queue.close();
        await redis.stop();
      }
    }, 150_000);
  },
);
