import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQueueWorker } from '@rfa/sweeps';
import { freePort, redisSkipReason, startRedis, type TestRedis } from '@rfa/sweeps/testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';
import { spawnCli } from '../../testing/cli-process.js';

const skip = redisSkipReason();
if (skip) console.log(`skipping the bench's Redis tests: ${skip}`);

const tmp = () => mkdtempSync(join(tmpdir(), 'rfa-sweep-queue-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    return { code: await main(argv), out: out.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('pnpm bench sweep --queue', () => {
  it('refuses an unreachable Redis within seconds and writes nothing', async () => {
    const dir = join(tmp(), 'out');
    const url = `redis://127.0.0.1:${await freePort()}`;
    const t0 = Date.now();
    const r = await cli('sweep', 'fig2', '--seeds', '2', '--queue', url, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`cannot reach the queue's Redis at ${url}: connect ECONNREFUSED`);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(existsSync(dir)).toBe(false);
    expect((await cli('worker', '--queue', url)).code).toBe(2);
  });

  describe.skipIf(skip)('on a real redis-server (loopback)', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('Ctrl-C on a waiting submitter leaves the jobs queued once; resubmitting adds none; a worker and collect finish the sweep', async () => {
      const dir = tmp();
      const queueName = `cli-test-${process.pid}`;
      const sweep = [
        'sweep',
        'fig2',
        '--rules',
        'fa',
        '--seeds',
        '1-4',
        '--set',
        'steps=300',
        '--set',
        'heldOut=100',
      ];
      const place = ['--queue', redis.url, '--queue-name', queueName, '--out', dir];
      // no worker yet: the submitter queues and waits; Ctrl-C it once the jobs are queued
      const submitter = spawnCli([...sweep, ...place, '--wait']);
      await submitter.waitFor('queued 4, already queued 0', 30_000);
      submitter.child.kill('SIGINT');
      const ended = await Promise.race([
        submitter.done,
        new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
      ]);
      if (!ended) submitter.child.kill('SIGKILL');
      expect(ended?.code, submitter.output()).toBe(130);
      expect(submitter.output()).toContain('no longer waiting');

      const queue = new Queue(queueName, { connection: { url: redis.url } });
      try {
        expect(await queue.getJobCounts('wait', 'active', 'failed', 'completed')).toEqual({
          wait: 4,
          active: 0,
          failed: 0,
          completed: 0,
        });
        const again = await cli(...sweep, ...place);
        expect(again.out).toContain('queued 0, already queued 4, retried 0, finished before 0');
        expect(await queue.count()).toBe(4);

        const worker = await startQueueWorker({ url: redis.url, queueName, concurrency: 2 });
        try {
          const collected = await cli('collect', ...place.slice(0, 4), '--out', dir, '--wait');
          expect(collected.code, collected.out).toBe(0);
          expect(readdirSync(join(dir, 'jobs'))).toHaveLength(4);
          expect(await queue.getJobCounts('completed')).toEqual({ completed: 4 });
        } finally {
          await worker.close();
        }
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }, 120_000);

    it('a queue that lost its jobs (Redis restarted without persistence): collect says so, and the same sweep queues them again', async () => {
      const dir = tmp();
      const queueName = `cli-lost-${process.pid}`;
      const sweep = ['sweep', 'fig2', '--rules', 'fa', '--seeds', '1-2', '--set', 'steps=300'];
      const place = ['--queue', redis.url, '--queue-name', queueName, '--out', dir];
      expect((await cli(...sweep, ...place)).out).toContain('queued 2, already queued 0');
      const queue = new Queue(queueName, { connection: { url: redis.url } });
      try {
        await queue.obliterate({ force: true }); // what an empty restarted Redis holds
        const collected = await cli('collect', ...place);
        expect(collected.code).toBe(1);
        expect(collected.out).toContain(
          `the queue holds no record of 2 job(s) (its Redis restarted without persistence, or they were never submitted): run the same 'pnpm bench sweep … --queue' again; it queues only the jobs without a result (finished ones are kept in ${join(dir, 'jobs')})`,
        );
        expect((await cli(...sweep, ...place)).out).toContain(
          'queued 2, already queued 0, retried 0, finished before 0',
        );
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }, 60_000);
  });
});
