import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** npm settings a user's own npm would also read: certificates, registry, proxies, config files. */
const KEEP_NPM = /^npm_config_(cafile|registry|.*proxy|userconfig|globalconfig|nodedir|strict_ssl)$/i;

/**
 * The environment of a fresh shell: this process's, without what a package manager
 * injects into its scripts (NODE_PATH into the monorepo's store, npm_config_local_prefix
 * naming the package that runs the test, lifecycle variables), so that what runs in a
 * test project sees only that project.
 */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_PATH' || k === 'NODE_OPTIONS' || k === 'INIT_CWD') continue;
    if (/^npm_/i.test(k) && !KEEP_NPM.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs a command to completion in a clean environment; `status` null means it was killed (timeout). */
export function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 600_000,
): Run {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: cleanEnv(env),
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

/** Like `run`, but throws with the command's output when it does not exit 0. */
export function mustRun(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = run(cmd, args, cwd, env);
  if (r.status !== 0) {
    throw new Error(`'${cmd} ${args.join(' ')}' in ${cwd} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/**
 * How to start pnpm: the one running this test (npm_execpath), else the one
 * scripts/bootstrap.mjs keeps in .tools/, else `pnpm` on PATH.
 */
export function pnpmCommand(root: string): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) {
    return /\.(c|m)?js$/.test(execPath) ? [process.execPath, [execPath]] : [execPath, []];
  }
  const tools = join(root, '.tools', 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
  return existsSync(tools) ? [process.execPath, [tools]] : ['pnpm', []];
}
