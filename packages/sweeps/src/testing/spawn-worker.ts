// Test helpers of this package's queue tests (not exported): worker processes and polling.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerScript = fileURLToPath(new URL('./worker-process.mjs', import.meta.url));

/** A queue worker in its own process, with what it printed so far. */
export interface WorkerProcess {
  child: ChildProcess;
  name: string;
  /** Job ids it finished (completed on the queue), in order. */
  finished: string[];
  /** Job ids it gave up after losing their lock. */
  lockLost: string[];
  /** Why it lost its connection, once per outage. */
  connectionLost: string[];
}

/** Starts `worker-process.mjs` with `options`; resolves once it takes jobs (at most 20 s). */
export async function spawnWorker(options: object): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [workerScript, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const finished: string[] = [];
  const lockLost: string[] = [];
  const connectionLost: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const name = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready in 20 s: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${stderr}`)));
    child.stdout?.on('data', (d: Buffer) => {
      for (const line of String(d).split('\n')) {
        if (line.startsWith('ready ')) {
          clearTimeout(timer);
          resolve(line.slice(6).trim());
        }
        if (line.startsWith('finished ')) finished.push(line.slice(9).trim());
        if (line.startsWith('lock-lost ')) lockLost.push(...line.slice(10).trim().split(' '));
        if (line.startsWith('connection-lost ')) connectionLost.push(line.slice(16).trim());
      }
    });
  });
  return { child, name, finished, lockLost, connectionLost };
}

/** Polls `check` every 100 ms until it returns a value, for at most `ms`. */
export async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
