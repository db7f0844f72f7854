import type { Experiment } from '@rfa/experiments';

/**
 * The line printed when a run of an experiment scored by epoch (fig3a, fig4) ends an epoch:
 * the metrics the paper gives for the rule beside its numbers, `epoch 3: testError 2.41% (paper
 * 1.80%)`, or for a rule the paper gives none for, the error rates alone, `epoch 3: testError
 * 2.41%`; with `since`, the wall time from the last whole epoch (or the start), `; 5:31 since
 * epoch 2`. Null mid-epoch, at epoch 0, and when there is nothing to show.
 */
export function epochLine(
  exp: Pick<Experiment<object>, 'paper'>,
  rule: string,
  step: number,
  metrics: Record<string, number>,
  since?: { seconds: number; from: string },
): string | null {
  if (step === 0 || !Number.isInteger(step)) return null;
  const compared = Object.entries(exp.paper[rule] ?? {})
    .filter(([k]) => k in metrics)
    .map(([k, v]) => `${k} ${show(k, metrics[k])} (paper ${show(k, v)})`);
  const parts = compared.length
    ? compared
    : Object.keys(metrics)
        .filter((k) => k.endsWith('Error'))
        .map((k) => `${k} ${show(k, metrics[k])}`);
  if (!parts.length) return null;
  const took = since ? `; ${clock(since.seconds)} since ${since.from}` : '';
  return `epoch ${step}: ${parts.join(', ')}${took}`;
}

/**
 * Each run's epoch times (runs by key, times in ms): `lap` gives the time since the run's last
 * whole epoch was scored, else since it `started` (or else `start`), both named `startLabel`, as
 * `epochLine`'s `since`, and makes a whole epoch the run's last.
 */
export class EpochClock {
  private readonly last = new Map<string, { at: number; from: string }>();

  constructor(
    private readonly start: number,
    private readonly startLabel: string,
  ) {}

  /** A run starts at `at`: its first epoch's time counts from there. */
  started(key: string, at: number): void {
    this.last.set(key, { at, from: this.startLabel });
  }

  lap(key: string, step: number, now: number): { seconds: number; from: string } {
    const before = this.last.get(key) ?? { at: this.start, from: this.startLabel };
    if (Number.isInteger(step)) this.last.set(key, { at: now, from: `epoch ${step}` });
    return { seconds: (now - before.at) / 1000, from: before.from };
  }
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
