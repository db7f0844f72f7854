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

export interface TestRedisOptions {
  /** `requirepass`: the URL carries it as `redis://:PASSWORD@…`. */
  password?: string;
  /** `appendonly yes` with `appendfsync always` (every write on disk before it is acknowledged). */
  appendOnly?: boolean;
  /** ACL users made at each start (`ACL SETUSER name on >password …rules`). */
  users?: { name: string; password: string; rules: string }[];
}

export interface TestRedis {
  url: string;
  port: number;
  /** The server's working folder (its append-only file, when on). */
  dir: string;
  /** SIGKILLs the server, as a crash would (the folder stays). */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder, with the same options; resolves once it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway `redis-server` on a free loopback port (its own temp folder; no
 * persistence unless `appendOnly`) and waits until it answers (at most 10 s); `kill` and
 * `restart` crash and revive it for fault tests; `stop` ends it and removes the folder.
 */
export async function startRedis(options: TestRedisOptions = {}): Promise<TestRedis> {
  const bin = redisServerBinary();
  if (!bin) throw new Error(redisSkipReason()!);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rfa-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
  args.push(
    ...(options.appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  );
  if (options.password !== undefined) args.push('--requirepass', options.password);
  const auth = options.password !== undefined ? `:${encodeURIComponent(options.password)}@` : '';
  const url = `redis://${auth}127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const end = async (signal: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  };
  const launch = async () => {
    child = spawn(bin, args, { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      redis.on('error', () => {});
      try {
        await redis.connect();
        if ((await redis.ping()) === 'PONG') {
          for (const u of options.users ?? [])
            await redis.call('ACL', 'SETUSER', u.name, 'on', `>${u.password}`, ...u.rules.split(' '));
          return;
        }
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        redis.disconnect();
      }
    }
    await end('SIGKILL');
    throw new Error(`redis-server did not answer on 127.0.0.1:${port} within 10 s`);
  };
  const stop = async () => {
    await end('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { url, port, dir, stop, kill: () => end('SIGKILL'), restart: launch };
}
