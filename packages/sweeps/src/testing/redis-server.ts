import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';

/** The `redis-server` binary on PATH (or `$REDIS_SERVER`), or null. */
export function redisServerBinary(): string | null {
  if (process.env.REDIS_SERVER) return process.env.REDIS_SERVER;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  return dirs.map((d) => join(d, 'redis-server')).find((f) => existsSync(f)) ?? null;
}

/** Why the Redis tests are skipped here, or null when they run. */
export const redisSkipReason = (): string | null =>
  redisServerBinary() ? null : 'no redis-server binary on PATH (apt-get install redis-server)';

/** A loopback port nothing listens on (just now). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway `redis-server` on a free loopback port (no persistence, its own temp
 * folder) and waits until it answers (at most 10 s); `stop` ends it and removes the folder.
 */
export async function startRedis(): Promise<TestRedis> {
  const bin = redisServerBinary();
  if (!bin) throw new Error(redisSkipReason()!);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rfa-redis-'));
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return { url, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      redis.disconnect();
    }
  }
  await stop();
  throw new Error(`redis-server did not answer on ${url} within 10 s`);
}
