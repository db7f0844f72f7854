import { getExperiment } from '@rfa/experiments';
import type { SweepEvent, SweepJob } from '@rfa/sweeps';
import cliProgress from 'cli-progress';
import { EpochClock, epochLine } from '../../epoch-line.js';

/** A sweep's progress: done/running/failed, and time left from the finished jobs' pace. */
export interface SweepProgress {
  onEvent(e: SweepEvent): void;
  stop(): void;
}

/**
 * A bar on a terminal (done, running, failed, ETA), plain lines otherwise (CI logs): job
 * fractions count toward the bar; a failure prints its error as it happens, and so does each
 * scored epoch of fig3a, fig4 or LeNet (`<job> seed 1 fa: epoch 3: testError 2.41% (paper 1.80%); 5:31
 * since epoch 2`), so a run of many hours shows its curve as it goes.
 */
export function sweepProgress(jobs: readonly SweepJob[]): SweepProgress {
  const fraction = new Map<string, number>();
  const running = new Set<string>();
  const failed = new Set<string>();
  let done = 0;
  const start = Date.now();
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format:
            'sweep [{bar}] {done}/{total} done | {running} running | {failed} failed | ETA {eta_formatted}',
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(jobs.length, 0, { done: 0, running: 0, failed: 0 });
  let lastLine = 0;
  let stopped = false;
  // when each job started here, then its last scored epoch: what an epoch line's time counts from
  const clock = new EpochClock(start, 'the job started');
  const printEpoch = (e: Extract<SweepEvent, { type: 'epoch' }>) => {
    const since = clock.lap(e.job.id, e.epoch, Date.now());
    const line = epochLine(getExperiment(e.job.experiment), e.job.rule, e.epoch, e.metrics, since);
    if (line) console.error(`${bar ? '\n' : ''}${e.job.id} seed ${e.job.seed} ${e.job.rule}: ${line}`);
  };
  const show = () => {
    const value = done + [...running].reduce((s, id) => s + (fraction.get(id) ?? 0), 0);
    const payload = { done, running: running.size, failed: failed.size };
    if (bar) bar.update(value, payload);
    else if (Date.now() - lastLine > 10_000 || done + failed.size === jobs.length) {
      lastLine = Date.now();
      console.error(`sweep: ${done}/${jobs.length} done, ${running.size} running, ${failed.size} failed`);
    }
  };
  return {
    onEvent(e) {
      const id = e.job.id;
      if (e.type === 'epoch') {
        running.add(id);
        printEpoch(e);
      } else if (e.type === 'started' || e.type === 'progress') {
        if (e.type === 'started') clock.started(id, Date.now());
        running.add(id);
        if (e.type === 'progress') fraction.set(id, e.fraction);
      } else {
        running.delete(id);
        fraction.delete(id);
        if (e.type === 'failed') {
          const line = `${id} (seed ${e.job.seed}, ${e.job.rule}) failed${e.willRetry ? ', will retry' : ''}: ${e.error}`;
          console.error(bar ? `\n${line}` : line);
          if (!e.willRetry) failed.add(id);
        } else done++;
      }
      show();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
      if (!tty)
        console.error(`sweep: ${done}/${jobs.length} done in ${((Date.now() - start) / 1000).toFixed(0)} s`);
    },
  };
}
