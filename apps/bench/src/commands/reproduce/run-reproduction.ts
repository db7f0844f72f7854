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
import { EpochClock, epochLine } from '../../epoch-line.js';
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
  // per seed and rule: when and at which whole epoch it was last scored, for each epoch's wall time
  const clock = new EpochClock(performance.now(), 'the start');
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
          if (exp.xUnit !== 'epoch') return;
          const since = clock.lap(`${e.seed} ${e.rule}`, e.point.step, performance.now());
          const line = epochLine(exp, e.rule, e.point.step, e.point, since);
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
