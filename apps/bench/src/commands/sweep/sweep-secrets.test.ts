import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUE_ACL_RULES } from '@rfa/sweeps';
import { freePort, redisSkipReason, startRedis, type TestRedis } from '@rfa/sweeps/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli as run } from '../../testing/cli-process.js';

const skip = redisSkipReason();

/** Every file under `dir`, with its bytes as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

describe.skipIf(skip)('the queue password never shows (real redis-server with requirepass, loopback)', () => {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const aclPassword = `acl-${randomBytes(8).toString('hex')}`;
  let redis: TestRedis;
  let aclUrl: string;
  beforeAll(async () => {
    // the README's ACL user: BullMQ's keys only, no dangerous commands but INFO and CLIENT SETNAME
    redis = await startRedis({
      password,
      users: [{ name: 'rfa', password: aclPassword, rules: QUEUE_ACL_RULES }],
    });
    aclUrl = `redis://rfa:${aclPassword}@127.0.0.1:${redis.port}`;
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('a queued sweep through RFA_QUEUE_URL and --queue-file, as a least-privilege ACL user: no output, file or command line carries a password', async () => {
    expect(redis.url).toContain(password);
    const dir = mkdtempSync(join(tmpdir(), 'rfa-secrets-'));
    const out = join(dir, 'out');
    const queueFile = join(dir, 'queue-url');
    writeFileSync(queueFile, `${aclUrl}\n`, { mode: 0o600 });
    const queueName = `secrets-${process.pid}`;
    const sweep = [
      'sweep',
      'fig2',
      '--rules',
      'fa',
      '--seeds',
      '1-2',
      '--set',
      'steps=300',
      '--set',
      'heldOut=100',
    ];
    const outputs: string[] = [];

    const worker = run(
      ['worker', '--queue-name', queueName, '--concurrency', '1', '--checkpoint-dir', join(dir, 'ckpt')],
      { RFA_QUEUE_URL: aclUrl },
    );
    try {
      await worker.waitFor('takes jobs from', 60_000);
      expect(worker.output()).toContain(
        `takes jobs from redis://rfa:***@127.0.0.1:${redis.port} (from RFA_QUEUE_URL)`,
      );
      // what `ps` shows
      const cmdline = readFileSync(`/proc/${worker.child.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('worker');
      expect(cmdline).not.toContain(aclPassword);

      const submitted = await run([
        ...sweep,
        '--queue-file',
        queueFile,
        '--queue-name',
        queueName,
        '--out',
        out,
        '--wait',
      ]).done;
      outputs.push(submitted.out);
      expect(submitted.code, submitted.out).toBe(0);
      expect(submitted.out).toContain(
        `queue redis://rfa:***@127.0.0.1:${redis.port} (from --queue-file ${queueFile})`,
      );
      expect(readdirSync(join(out, 'jobs'))).toHaveLength(2);

      // the same sweep given on the command line: a warning, the hint without the URL, and again nothing leaks
      const again = await run([...sweep, '--queue', redis.url, '--queue-name', queueName, '--out', out]).done;
      outputs.push(again.out);
      expect(again.code, again.out).toBe(0);
      expect(again.out).toContain('finished before 2');
      expect(again.out).toContain('warning: the password in --queue shows');
      expect(again.out).toContain('pnpm bench worker (with RFA_QUEUE_URL or --queue-file set)');

      const collected = await run(['collect', '--out', out, '--queue-name', queueName], {
        RFA_QUEUE_URL: redis.url,
      }).done;
      outputs.push(collected.out);
      expect(collected.code, collected.out).toBe(0);

      // refused: a wrong password, and nothing listening (errors carry the URL, redacted)
      const wrong = `wrong-${password}`;
      const wrongUrl = redis.url.replace(password, wrong);
      const refused = await run([...sweep, '--queue', wrongUrl, '--out', join(dir, 'never')]).done;
      outputs.push(refused.out);
      expect(refused.code).toBe(2);
      expect(refused.out).toMatch(
        /cannot reach the queue's Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: WRONGPASS/,
      );
      expect(refused.out).not.toContain(wrong);
      const nowhere = `redis://user:${password}@127.0.0.1:${await freePort()}`;
      const down = await run(['worker'], { RFA_QUEUE_URL: nowhere }).done;
      outputs.push(down.out);
      expect(down.code).toBe(2);
      expect(down.out).toContain("cannot reach the queue's Redis at redis://user:***@127.0.0.1:");
    } finally {
      worker.child.kill('SIGTERM');
      outputs.push((await worker.done).out);
    }
    const worked = outputs.at(-1)!;
    expect(worked).toMatch(/finished fig2-fa-s1-\S+ \(fig2 fa seed 1\)/);
    for (const text of outputs)
      for (const secret of [password, aclPassword]) expect(text).not.toContain(secret);
    const written = filesUnder(dir).filter((f) => f.path !== queueFile);
    expect(written.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        join(out, 'sweep-spec.json'),
        join(out, 'index.html'),
        join(out, 'fig2-sweep.json'),
      ]),
    );
    expect(written.filter((f) => f.path.includes('/jobs/'))).toHaveLength(2); // results with provenance
    for (const f of written)
      for (const secret of [password, aclPassword]) expect(f.text, f.path).not.toContain(secret);
  }, 180_000);
});
