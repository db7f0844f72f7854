import { join } from 'node:path';
import type { Backend } from '@rfa/tensor';
import { InterruptedError } from '../../experiments/abort.js';
import { aggregate } from '../../experiments/aggregate.js';
import type { Experiment, ExperimentReport, SeedOutcome } from '../../experiments/types.js';
import { createProgress } from '../../progress.js';
import { writeJsonAtomic } from '../../report/write-atomic.js';

export interface RunOptions {
  seeds: number;
  quick: boolean;
  backend: Backend;
  backendName: string;
  outDir: string;
  signal: AbortSignal;
  mnistDir?: string;
  rules?: string[];
}

/**
 * Runs an experiment seed by seed. After every finished seed the aggregated report
 * is written atomically to `<out>/<exp>.json`, so an interruption keeps all
 * finished seeds; an interrupted seed is dropped and the report says so.
 */
// biome-ignore lint/suspicious/noExplicitAny: experiments differ in config type
export async function runExperiment(exp: Experiment<any>, o: RunOptions): Promise<ExperimentReport> {
  const config = exp.config(o.quick);
  const started = Date.now();
  const outcomes: SeedOutcome[] = [];
  const share =
    o.rules && Array.isArray((config as { rules?: unknown }).rules)
      ? o.rules.length / (config as { rules: string[] }).rules.length
      : 1;
  const progress = createProgress(exp.id, Math.round(exp.work(config) * o.seeds * Math.min(1, share)));
  let interrupted = false;
  const report = (): ExperimentReport => {
    const results = aggregate(outcomes);
    return {
      experiment: exp.id,
      seeds: o.seeds,
      quick: o.quick,
      backend: o.backend.description,
      config,
      results,
      paper: exp.paper,
      ...(exp.analyse && outcomes.length > 1 ? { analysis: exp.analyse(results) } : {}),
      seedsCompleted: outcomes.length,
      ...(interrupted ? { interrupted: true } : {}),
      elapsedSeconds: (Date.now() - started) / 1000,
      notes: exp.notes,
    };
  };
  try {
    for (let s = 0; s < o.seeds; s++) {
      const outcome = await exp.runSeed(config, {
        backend: o.backend,
        seed: s + 1,
        quick: o.quick,
        signal: o.signal,
        progress,
        mnistDir: o.mnistDir,
        rules: o.rules,
      });
      outcomes.push(outcome);
      await writeJsonAtomic(join(o.outDir, `${exp.id}.json`), report());
    }
  } catch (err) {
    if (!(err instanceof InterruptedError)) throw err;
    interrupted = true;
    await writeJsonAtomic(join(o.outDir, `${exp.id}.json`), report());
  } finally {
    progress.stop();
  }
  return report();
}
