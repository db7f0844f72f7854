import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobResult } from './job-result.js';
import { decodeResult, encodeResult } from './result-codec.js';

/** Finished jobs' results in a folder, one `<job id>.json` each, written whole or not at all. */
export interface ResultStore {
  readonly dir: string;
  /** The result of this job, or null if it has not finished here. */
  load(id: string): Promise<JobResult | null>;
  save(result: JobResult): Promise<void>;
}

/**
 * A result store in `dir` (created on first save).
 * @example
 * const store = resultStore('sweep-out/jobs');
 * if (!(await store.load(job.id))) await store.save(await runJob(job));
 */
export function resultStore(dir: string): ResultStore {
  const file = (id: string) => join(dir, `${id}.json`);
  return {
    dir,
    async load(id) {
      try {
        return decodeResult(await readFile(file(id), 'utf8'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async save(result) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file(result.job.id)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await writeFile(tmp, `${encodeResult(result)}\n`);
        await rename(tmp, file(result.job.id));
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
  };
}
