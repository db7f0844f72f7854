import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { redactUrl } from '@rfa/sweeps';
import { CliError } from '../../cli-error.js';

/** The environment variable a queue URL may come from, so that it is not on the command line. */
const QUEUE_URL_ENV = 'RFA_QUEUE_URL';

/** A queue URL and where it came from, for messages (never the URL itself: it may hold a password). */
export interface QueueUrl {
  url: string;
  /** `--queue`, `--queue-file PATH` or `RFA_QUEUE_URL`. */
  source: string;
  /** The URL fit to print (`redactUrl`). */
  shown: string;
}

/**
 * The queue's URL from `--queue URL`, else `--queue-file PATH` (the first line of the file),
 * else `$RFA_QUEUE_URL`; undefined when none is given. A URL with a password on the command
 * line (where `ps` shows it) is taken with a warning on stderr.
 */
export function queueUrlFrom(
  v: { queue?: string; 'queue-file'?: string },
  env: NodeJS.ProcessEnv = process.env,
): QueueUrl | undefined {
  if (v.queue !== undefined && v['queue-file'] !== undefined)
    throw new CliError('give the queue once: --queue URL or --queue-file PATH, not both');
  let url: string | undefined;
  let source: string;
  if (v.queue !== undefined) {
    [url, source] = [v.queue, '--queue'];
    if (redactUrl(url) !== url)
      console.error(
        `warning: the password in --queue shows in 'ps' and shell history; pass the URL through ${QUEUE_URL_ENV} or --queue-file PATH instead`,
      );
  } else if (v['queue-file'] !== undefined) {
    const path = resolve(v['queue-file']);
    source = `--queue-file ${path}`;
    try {
      url = readFileSync(path, 'utf8').split('\n')[0]!.trim();
    } catch (err) {
      throw new CliError(`--queue-file ${path}: cannot read it (${(err as NodeJS.ErrnoException).code})`);
    }
    if (!url)
      throw new CliError(`--queue-file ${path}: the file is empty (write the queue's URL on its first line)`);
  } else {
    url = env[QUEUE_URL_ENV]?.trim() || undefined;
    source = QUEUE_URL_ENV;
  }
  return url === undefined ? undefined : { url, source, shown: redactUrl(url) };
}
