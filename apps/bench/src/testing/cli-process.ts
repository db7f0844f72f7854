// Test helper (not part of the CLI): the built bench CLI in a process of its own, as a user runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/rfa-bench.mjs', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  /** Its exit code (null after a signal) and everything it printed, stdout and stderr in order. */
  done: Promise<{ code: number | null; out: string }>;
  /** What it printed so far. */
  output(): string;
  /** Resolves once `text` is in its output; rejects after `ms` or when it exits first. */
  waitFor(text: string, ms: number): Promise<void>;
}

/** Starts `rfa-bench.mjs argv` with `env` over this process's (RFA_QUEUE_URL unset unless given). */
export function spawnCli(argv: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [bin, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RFA_QUEUE_URL: '', ...env },
  });
  let out = '';
  let exited = false;
  const take = (d: Buffer) => {
    out += d;
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      resolve({ code, out });
    }),
  );
  const waitFor = async (text: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!out.includes(text)) {
      if (exited || Date.now() > deadline)
        throw new Error(
          `'${text}' not printed ${exited ? 'before the CLI exited' : `within ${ms} ms`}:\n${out}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, done, output: () => out, waitFor };
}
