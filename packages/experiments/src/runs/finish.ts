import type { TrainEvent, TrainOptions, TrainResult } from '@rfa/train';
import { InterruptedError } from '../errors.js';
import type { RuleRun } from '../types.js';
import type { Curves } from './curves.js';
import type { RunContext } from './run-context.js';

/** Steps between progress events of a trainer-based run. */
const PROGRESS_EVERY = 50;

/**
 * `train` options that turn its events into the run's: 'step' with the work units done
 * since the last report (`unitsAt(step)` converts a step count into units), 'evaluation'.
 */
export function trainEvents(
  ctx: RunContext,
  unitsAt: (step: number) => number,
  startStep: number,
): Pick<TrainOptions, 'onEvent' | 'progressEvery'> {
  let reported = unitsAt(startStep);
  return {
    progressEvery: PROGRESS_EVERY,
    onEvent: (e: TrainEvent) => {
      if (e.type === 'evaluation') {
        if (e.metrics) ctx.emit({ type: 'evaluation', step: e.step, metrics: e.metrics });
        return;
      }
      const units = unitsAt(e.step);
      if (units <= reported) return;
      ctx.emit({ type: 'step', step: e.step, units: units - reported, trainLoss: e.metrics?.trainLoss });
      reported = units;
    },
  };
}

/**
 * The run's result from its curves: the first metric always, each other listed one when
 * it was ever measured (else its curve is dropped), and every further curve with a
 * finite value. Values are the last point's, or after a divergence the last good one's.
 * An aborted run throws InterruptedError (the runner drops that seed).
 */
export function finishTrainerRun(
  result: Pick<TrainResult, 'stoppedBy' | 'divergence'>,
  curves: Curves,
  metrics: readonly string[],
): RuleRun {
  if (result.stoppedBy === 'aborted') throw new InterruptedError();
  const values = curves.values;
  const at = result.divergence
    ? curves.lastIndexAtOrBefore(result.divergence.restoredFromStep)
    : values.step.length - 1;
  const finite = (k: string) => values[k]?.some((v) => Number.isFinite(v)) ?? false;
  const final: Record<string, number> = { [metrics[0]]: values[metrics[0]][at] };
  for (const k of metrics.slice(1)) {
    if (finite(k)) final[k] = values[k][at];
    else delete values[k];
  }
  for (const k of Object.keys(values))
    if (!(k in final) && k !== 'step' && finite(k)) final[k] = values[k][at];
  const run: RuleRun = { final, curves: values };
  if (result.divergence) {
    const { atStep, reason, restoredFromStep } = result.divergence;
    run.divergence = { atStep, reason, restoredFromStep };
  }
  return run;
}
