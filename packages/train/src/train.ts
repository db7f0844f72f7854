import { loopItems } from './data-source.js';
import { type DivergenceReport, DivergenceWatch } from './divergence.js';
import { emit, type TrainEvent, type TrainEventType } from './events.js';
import { restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.js';
import { type HistoryEntry, resolveOptions, type TrainOptions, type TrainResult } from './train-options.js';
import { yieldToEventLoop } from './yield.js';

// Weight of the newest sample in the smoothed training loss the divergence watch compares,
// and in the slow average whose best it compares against (~100 samples: 1,000 steps at the
// default sampling, so at batch 1 the best is a typical loss, not ten lucky examples).
const SMOOTHING = 0.1;
const BASELINE_SMOOTHING = 0.01;

/** An exponential moving average's next value; it starts at the first sample (NaN before it). */
const movingAverage = (average: number, sample: number, weight: number): number =>
  Number.isNaN(average) ? sample : (1 - weight) * average + weight * sample;

/**
 * Trains `trainer` on `data`: steps, epochs, evaluation every `evaluateEvery` steps,
 * progress events, and a divergence watch that puts back the last good weights and
 * stops. Async: it yields to the event loop every `yieldMs`, so an AbortSignal,
 * Ctrl-C or a browser UI gets a turn; it checks the signal before every step.
 * @example
 * const task = createLinearTask({ seed: 1 });
 * const result = await train({ trainer, data: task, steps: 5000, batchSize: 1, evaluateEvery: 250,
 *   evaluate: (t) => ({ nse: heldOutNse(t) }), onEvent: (e) => e.type === 'evaluation' && console.log(e) });
 * result.stoppedBy; // 'done' | 'aborted' | 'diverged'
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const o = resolveOptions(options);
  const { trainer, signal } = options;
  const clock = options.clock ?? (() => performance.now());
  const start = clock();
  const watch = new DivergenceWatch(
    o.lossFactor,
    o.floor,
    options.divergence ? options.divergence.metrics : undefined,
  );
  const watching = options.divergence !== false;
  const history: HistoryEntry[] = [];
  const startStep = trainer.steps;
  let [epoch, examples, lastEvaluated, smoothedLoss, baselineLoss] = [0, 0, -1, Number.NaN, Number.NaN];
  let good: Snapshot | null = watching ? await takeSnapshot(trainer) : null;
  let divergence: DivergenceReport | undefined;

  const event = (type: TrainEventType, extra: Partial<TrainEvent> = {}): void => {
    const elapsedMs = clock() - start;
    const examplesPerSecond = elapsedMs > 0 ? (examples * 1000) / elapsedMs : 0;
    emit(options, { type, step: trainer.steps, epoch, examples, elapsedMs, examplesPerSecond, ...extra });
  };
  let divergedMetrics: Record<string, number> | undefined;
  const diverge = (reason: string, metrics: Record<string, number>): void => {
    const atStep = trainer.steps;
    if (good) restoreSnapshot(trainer, good);
    divergence = { diverged: true, atStep, reason, restoredFromStep: good?.step ?? atStep };
    divergedMetrics = metrics;
  };
  // Evaluates, records, and either keeps a snapshot of the good state or calls divergence.
  const evaluate = async (): Promise<void> => {
    lastEvaluated = trainer.steps;
    const metrics = { ...((await options.evaluate?.(trainer)) ?? {}) };
    // the evaluation shows the smoothed loss; the step watch has judged it already
    const watched = { ...metrics };
    if (!Number.isNaN(smoothedLoss) && metrics.trainLoss === undefined) metrics.trainLoss = smoothedLoss;
    history.push({ ...metrics, step: trainer.steps, epoch, examples });
    const reason = watching ? watch.checkAll(watched) : null;
    if (reason) return diverge(reason, metrics);
    event('evaluation', { metrics });
    if (watching) good = await takeSnapshot(trainer);
    await options.afterEvaluation?.(trainer, metrics);
  };
  const result = (stoppedBy: TrainResult['stoppedBy']): TrainResult => {
    if (divergence)
      event('diverged', { step: divergence.atStep, reason: divergence.reason, metrics: divergedMetrics });
    else event(stoppedBy === 'done' ? 'done' : 'stopped');
    const elapsedMs = clock() - start;
    const steps = (divergence?.atStep ?? trainer.steps) - startStep;
    return { history, stoppedBy, steps, step: trainer.steps, epochs: epoch, examples, elapsedMs, divergence };
  };

  if (options.evaluateAtStart ?? true) await evaluate();
  // Checked before every draw from the data, so a stopped run takes nothing from the stream's rng.
  const wantMore = () => !signal?.aborted && !divergence && trainer.steps - startStep < o.steps;
  let lastYield = clock();
  const schedule = options.learningRateSchedule;
  if (schedule) trainer.setLearningRate(schedule(0));
  const evaluateNow = options.evaluateAt ?? ((step: number) => step % o.evaluateEvery === 0);
  for (const item of loopItems(options.data, o.batchSize, o.epochs, wantMore)) {
    if ('epochEnd' in item) {
      epoch++;
      event('epoch');
      if (schedule) trainer.setLearningRate(schedule(epoch));
      continue;
    }
    if (!wantMore()) break;
    const { batch } = item;
    options.beforeStep?.(trainer);
    trainer.step(batch.inputs, batch.targets, batch.size);
    const after = options.afterStep?.(trainer);
    if (after) await after;
    examples += batch.size;
    const step = trainer.steps;
    let loss: number | undefined;
    if (o.checkLossEvery > 0 && step % o.checkLossEvery === 0) {
      loss = await trainer.lastStep.loss();
      smoothedLoss = movingAverage(smoothedLoss, loss, SMOOTHING);
      baselineLoss = movingAverage(baselineLoss, loss, BASELINE_SMOOTHING);
    }
    if (step % o.progressEvery === 0)
      event('step', loss === undefined ? {} : { metrics: { trainLoss: loss } });
    const reason =
      loss === undefined || !watching
        ? null
        : watch.check('trainLoss', loss, smoothedLoss, true, baselineLoss);
    if (reason) diverge(reason, { trainLoss: loss as number });
    else if (evaluateNow(step)) await evaluate();
    if (clock() - lastYield >= o.yieldMs) {
      await yieldToEventLoop();
      lastYield = clock();
    }
  }
  if (divergence) return result('diverged');
  if (signal?.aborted) return result('aborted');
  if (lastEvaluated !== trainer.steps && trainer.steps > startStep) await evaluate();
  return result(divergence ? 'diverged' : 'done');
}
