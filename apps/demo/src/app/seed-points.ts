import { type AggregateRun, aggregate, type SeedOutcome, type SeriesRun, type Stat } from '@rfa/experiments';
import type { RuleEnd } from '../worker/api.js';

/** Where an averaged point keeps a metric's s.d. over seeds (`nse` → `nse:sd-over-seeds`). */
export const seedSdKey = (metric: string): string => `${metric}:sd-over-seeds`;

/**
 * Each metric of points that several seeds recorded at the same x, as mean, sample s.d.
 * (n − 1) and n: `@rfa/experiments`' `aggregate`, which the bench's reports use for final
 * metrics (non-finite values skipped; s.d. 0 for a single value).
 * @example
 * statsOverSeeds([{ nse: 1 }, { nse: 2 }, { nse: 3 }]).nse; // { mean: 2, sd: 1, n: 3 }
 */
export function statsOverSeeds(points: readonly Record<string, number>[]): Record<string, Stat> {
  const outcomes: SeedOutcome[] = points.map((p) => ({ point: { final: p, curves: {} } }));
  return aggregate(outcomes).point?.final ?? {};
}

/** Final metrics of each rule over the seeds that have ended (mean ± s.d., n; and which diverged). */
export function finalsOverSeeds(ends: readonly RuleEnd[]): Record<string, AggregateRun> {
  const seeds = [...new Set(ends.map((e) => e.seed))];
  const outcomes: SeedOutcome[] = seeds.map((seed) =>
    Object.fromEntries(
      ends
        .filter((e) => e.seed === seed)
        .map((e) => [e.rule, { final: e.final, curves: {}, divergence: e.divergence }]),
    ),
  );
  return aggregate(outcomes, seeds);
}

/**
 * A run's curve points over its seeds, as the charts draw them: per rule and x, the mean
 * over the seeds that have reached that x, and `seedSdKey(metric)` their s.d. (NaN below
 * two). Seeds run one after another, so while seed k runs, the x it has reached average k
 * seeds and the rest k − 1: the running seed shows live as it pulls the mean, and opens the
 * band, point by point. With one seed the points are the recorded ones.
 */
export class SeedPoints {
  /** rule → x → the seeds' recorded points there and their stats over seeds. */
  private readonly rules = new Map<
    string,
    Map<number, { seeds: Map<number, Record<string, number>>; stats: Record<string, Stat> }>
  >();
  /** `runs()`'s last answer, until the next point. */
  private cached: Record<string, SeriesRun> | null = null;

  /** Adds a point of `rule`'s run with `seed`; returns the averaged point at its x. */
  add(rule: string, seed: number, point: Record<string, number>): Record<string, number> {
    const xs =
      this.rules.get(rule) ??
      new Map<number, { seeds: Map<number, Record<string, number>>; stats: Record<string, Stat> }>();
    this.rules.set(rule, xs);
    const at = xs.get(point.step) ?? { seeds: new Map<number, Record<string, number>>(), stats: {} };
    xs.set(point.step, at);
    at.seeds.set(seed, point);
    at.stats = statsOverSeeds([...at.seeds.values()]);
    this.cached = null;
    // x is the same in every seed: kept as recorded, not averaged (0.1 × 3 / 3 ≠ 0.1)
    const out: Record<string, number> = { step: point.step };
    for (const [metric, s] of Object.entries(at.stats)) {
      if (metric === 'step') continue;
      out[metric] = s.mean;
      out[seedSdKey(metric)] = s.n > 1 ? s.sd : Number.NaN;
    }
    return out;
  }

  /**
   * Every rule's curves so far, as `plotSeries` reads them: per x in order, each metric's
   * mean over the seeds that reached it (`curves`, `step` the x) and its s.d. (`curvesSd`,
   * NaN below two seeds). A metric a point lacks is NaN there. The same object until the
   * next `add`.
   * @example
   * plotSeries(experiment, experiment.plots[0], points.runs());
   */
  runs(): Record<string, SeriesRun> {
    if (this.cached) return this.cached;
    const out: Record<string, SeriesRun> = {};
    for (const [rule, xs] of this.rules) {
      const steps = [...xs.keys()].sort((a, b) => a - b);
      const stats = steps.map((x) => xs.get(x)?.stats ?? {});
      const metrics = [...new Set(stats.flatMap((s) => Object.keys(s)))].filter((m) => m !== 'step');
      const curves: Record<string, number[]> = { step: steps };
      const curvesSd: Record<string, number[]> = {};
      for (const m of metrics) {
        curves[m] = stats.map((s) => s[m]?.mean ?? Number.NaN);
        curvesSd[m] = stats.map((s) => (s[m] && s[m].n > 1 ? s[m].sd : Number.NaN));
      }
      out[rule] = { curves, curvesSd };
    }
    this.cached = out;
    return out;
  }
}
