import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ResultStoreError } from './errors.js';
import type { JobResult } from './job-result.js';
import { openSealedJson, sealJson } from './result-checksum.js';
import { decodeResult, encodeResult } from './result-codec.js';

/** Finished jobs' results in a folder, one `<job id>.json` each, written whole or not at all. */
export interface ResultStore {
  readonly dir: string;
  /** The result of this job, or null if it has not finished here (or its file was damaged). */
  load(id: string): Promise<JobResult | null>;
  save(result: JobResult): Promise<void>;
}

/** A result file that failed its checksum or did not parse, and where it was moved. */
export interface CorruptResult {
  id: string;
  file: string;
  movedTo: string;
  problem: string;
}

export interface ResultStoreOptions {
  /** A damaged result was found and moved aside: the job counts as not run (so it runs again). */
  onCorrupt?: (found: CorruptResult) => void;
}

/**
 * A result store in `dir` (created on first save). Each file carries a SHA-256 of its text
 * (`sealJson`): a file with a flipped byte or a cut-off tail is moved aside to
 * `<id>.json.corrupt` and its job reads as not run. Files are written to a temporary name,
 * flushed to disk and renamed, so a crash or a full disk never leaves half a result under
 * its real name; a write that fails throws ResultStoreError naming the path.
 * @example
 * const store = resultStore('sweep-out/jobs');
 * if (!(await store.load(job.id))) await store.save(await runJob(job));
 */
export function resultStore(dir: string, options: ResultStoreOptions = {}): ResultStore {
  const file = (id: string) => join(dir, `${id}.json`);
  return {
    dir,
    async load(id) {
      let text: string;
      try {
        text = await readFile(file(id), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new ResultStoreError(file(id), `cannot be read (${(err as Error).message})`);
      }
      const checked = checkResult(id, text);
      if (typeof checked !== 'string') return checked;
      const movedTo = `${file(id)}.corrupt`;
      await rename(file(id), movedTo);
      options.onCorrupt?.({ id, file: file(id), movedTo, problem: checked });
      return null;
    },
    async save(result) {
      const target = file(result.job.id);
      const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await mkdir(dir, { recursive: true });
        const handle = await open(tmp, 'w');
        try {
          await handle.writeFile(`${sealJson(encodeResult(result))}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => {});
        throw new ResultStoreError(target, `cannot be written (${(err as Error).message})`);
      }
    },
  };
}

/** The result in a file's text, or what is wrong with it. */
function checkResult(id: string, text: string): JobResult | string {
  const opened = openSealedJson(text);
  if ('problem' in opened && opened.problem === 'mismatch') return 'its SHA-256 does not match its content';
  let result: JobResult;
  try {
    result = decodeResult('json' in opened ? opened.json : text);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  const keys = Object.keys(result ?? {})
    .sort()
    .join(',');
  // a file without a checksum (written before them) is taken only if it is exactly a result
  if (keys !== 'job,provenance,run') return `not a job result (fields ${keys || 'none'})`;
  if (result.job?.id !== id) return `holds the result of another job (${String(result.job?.id)})`;
  return result;
}
