import { join } from 'node:path';
import {
  type CheckpointStore,
  type Experiment,
  type ExperimentData,
  type ExperimentReport,
  experimentWork,
  runExperiment,
  selectRules,
} from '@rfa/experiments';
import type { Backend } from '@rfa/tensor';
import { createProgress } from '../../progress.js';
import { writeJsonAtomic } from '../../report/write-atomic.js';

export interface ReproductionOptions<C extends object> {
  config: C;
  seeds: number;
  quick: boolean;
  backend: Backend;
  outDir: string;
  signal: AbortSignal;
  data: ExperimentData;
  rules?: string[];
  store?: CheckpointStore;
}

/**
 * Runs an experiment with a progress bar; after every finished seed the report so far is
 * written atomically to `<out>/<exp>.json`, so an interruption keeps all finished seeds.
 */
export async function runReproduction<C extends object>(
  exp: Experiment<C>,
  o: ReproductionOptions<C>,
): Promise<ExperimentReport> {
  const rules = selectRules(exp, o.config, o.rules);
  const progress = createProgress(exp.id, Math.round(experimentWork(exp, o.config, rules, o.seeds)));
  const started = performance.now();
  // per seed and rule: when and at which whole epoch it was last scored, for each epoch's wall time
  const lastEpoch = new Map<string, { at: number; epoch: number }>();
  try {
    return await runExperiment(exp, {
      config: o.config,
      seeds: o.seeds,
      rules,
      quick: o.quick,
      backend: o.backend,
      data: o.data,
      signal: o.signal,
      store: o.store,
      onEvent: (e) => {
        if (e.type === 'step') progress.tick(e.units, `seed ${e.seed} ${e.rule}`);
        else if (e.type === 'record') {
          // a curve point: its step is in the curve's unit (epochs for fig3a and fig4)
          const key = `${e.seed} ${e.rule}`;
          const now = performance.now();
          const before = lastEpoch.get(key);
          if (Number.isInteger(e.point.step)) lastEpoch.set(key, { at: now, epoch: e.point.step });
          const line = epochLine(exp, e.rule, e.point.step, e.point, {
            seconds: (now - (before?.at ?? started)) / 1000,
            from: before ? `epoch ${before.epoch}` : 'the start',
          });
          if (line) console.error(`\n${exp.id} seed ${e.seed} ${e.rule}: ${line}`);
        } else if (e.type === 'end' && e.restored)
          console.log(`${exp.id} seed ${e.seed} ${e.rule}: finished in an earlier run, results read back`);
        else if (e.type === 'end' && e.run.divergence) {
          const d = e.run.divergence;
          console.error(
            `\n${exp.id} ${e.rule} seed ${e.seed} diverged at step ${d.atStep} (${d.reason}); kept its weights of step ${d.restoredFromStep}`,
          );
        }
      },
      onSeed: (report) => writeJsonAtomic(join(o.outDir, `${exp.id}.json`), report),
    });
  } finally {
    progress.stop();
  }
}

/**
 * At the end of each epoch of an experiment the paper gives numbers for (fig3a, fig4), the
 * metrics it compares with the paper's: `epoch 3: testError 2.41% (paper 1.80%)`, and with
 * `since` the wall time from the last whole epoch's scoring (or the start of the run): `; 5:31
 * since epoch 2`. Null elsewhere, so step-counted experiments print nothing per evaluation.
 */
export function epochLine(
  exp: Pick<Experiment<object>, 'paper'>,
  rule: string,
  step: number,
  metrics: Record<string, number>,
  since?: { seconds: number; from: string },
): string | null {
  const paper = exp.paper[rule];
  if (!paper || step === 0 || !Number.isInteger(step)) return null;
  const parts = Object.entries(paper)
    .filter(([k]) => k in metrics)
    .map(([k, v]) => `${k} ${show(k, metrics[k])} (paper ${show(k, v)})`);
  if (!parts.length) return null;
  const took = since ? `; ${clock(since.seconds)} since ${since.from}` : '';
  return `epoch ${step}: ${parts.join(', ')}${took}`;
}

/** m:ss (h:mm:ss from an hour on). */
function clock(seconds: number): string {
  const s = Math.round(seconds);
  const mmss = `${Math.floor(s / 60) % 60}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}

/** Error rates as percentages, anything else with 3 significant digits. */
const show = (metric: string, v: number) =>
  metric.endsWith('Error') ? `${(100 * v).toFixed(2)}%` : v.toPrecision(3);
