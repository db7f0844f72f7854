import type { RunContext } from './run-context.js';

/**
 * A run's curves: `step` and one array per metric, all the same length. `add` appends a
 * point (NaN for a metric not measured there) and reports it as a 'record' event.
 */
export class Curves {
  readonly values: Record<string, number[]>;

  constructor(
    keys: readonly string[],
    private readonly ctx: RunContext,
    restored?: Record<string, (number | null)[]>,
  ) {
    this.values = Object.fromEntries(['step', ...keys].map((k) => [k, [] as number[]]));
    // JSON keeps NaN as null: put it back
    if (restored)
      for (const [k, xs] of Object.entries(restored))
        this.values[k] = xs.map((v) => (v === null ? Number.NaN : v));
  }

  add(point: Record<string, number>): void {
    const length = this.values.step.length;
    for (const k of Object.keys(point)) {
      this.values[k] ??= new Array<number>(length).fill(Number.NaN);
    }
    for (const [k, xs] of Object.entries(this.values)) xs.push(point[k] ?? Number.NaN);
    this.ctx.emit({ type: 'record', point: { ...point } });
  }

  /** Index of the last point at or before x. */
  lastIndexAtOrBefore(x: number): number {
    const steps = this.values.step;
    for (let i = steps.length - 1; i >= 0; i--) if (steps[i] <= x) return i;
    return -1;
  }
}

/** Only the finite entries: what the divergence watch and 'evaluation' events get. */
export const finiteOnly = (metrics: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
