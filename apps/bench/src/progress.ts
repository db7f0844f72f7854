import cliProgress from 'cli-progress';
/** Advances by `units` of an experiment's declared work; `label` says what is running. */
export interface ProgressSink {
  tick(units: number, label?: string): void;
}

/** A progress bar with rate and time left on a terminal; periodic plain lines otherwise (CI logs). */
export function createProgress(label: string, total: number): ProgressSink & { stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} | {what}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const start = Date.now();
    let done = 0;
    bar.start(total, 0, { rate: '0', what: '' });
    return {
      tick(units, what = '') {
        done += units;
        bar.update(done, { rate: (done / ((Date.now() - start) / 1000)).toFixed(0), what });
      },
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let lastPrint = 0;
  const start = Date.now();
  return {
    tick(units, what = '') {
      done += units;
      const now = Date.now();
      if (now - lastPrint > 10_000 || done >= total) {
        lastPrint = now;
        const rate = done / ((now - start) / 1000);
        const left = rate > 0 ? (total - done) / rate : Number.NaN;
        console.error(
          `${label}: ${done}/${total} (${((100 * done) / total).toFixed(0)}%), ${rate.toFixed(0)}/s, ~${left.toFixed(0)} s left ${what}`,
        );
      }
    },
    stop() {},
  };
}
