/** When `train` calls a run diverged. */
export interface DivergenceOptions {
  /** A value above `lossFactor ×` its best (lowest, positive) value so far is a blow-up (default 1e3). */
  lossFactor?: number;
  /** Steps between reads of `trainer.lastStep.loss()` (default 10; 0 turns the loss watch off). */
  checkLossEvery?: number;
  /** Bests below this count as this in the blow-up test, so rounding noise near a zero loss is no blow-up (default 1e-6). */
  floor?: number;
  /** Metrics held to the blow-up test (default: all); every metric is held to the finiteness test. */
  metrics?: string[];
}

/** What `train` reports when it stopped for divergence. */
export interface DivergenceReport {
  diverged: true;
  atStep: number;
  reason: string;
  /** The step whose weights were put back: the last good evaluation (or the start). */
  restoredFromStep: number;
}

/** Tracks each watched value's best and names the first one that went bad. */
export class DivergenceWatch {
  private readonly best = new Map<string, number>();

  constructor(
    private readonly lossFactor: number,
    private readonly floor: number,
    private readonly ratioMetrics?: readonly string[],
  ) {}

  /**
   * Why `value` (or its smoothed form `level`, under `ratioTest`) shows divergence, or null.
   * The best is kept of `baseline` (default `level`): a slowly smoothed loss, so that a run of
   * easy examples at batch 1 does not set a best that an ordinary hard example then exceeds
   * a thousandfold.
   */
  check(name: string, value: number, level = value, ratioTest = true, baseline = level): string | null {
    if (!Number.isFinite(value)) return `${name} is ${value}`;
    const best = this.best.get(name);
    if (ratioTest && best !== undefined && best > 0 && level > this.lossFactor * Math.max(best, this.floor)) {
      return `${name} ${level.toPrecision(4)} exceeds ${this.lossFactor} × its best ${best.toPrecision(4)}`;
    }
    if (Number.isFinite(baseline) && (best === undefined || baseline < best)) this.best.set(name, baseline);
    return null;
  }

  /** Checks every metric; the first failure wins. */
  checkAll(metrics: Record<string, number>): string | null {
    for (const [name, value] of Object.entries(metrics)) {
      const reason = this.check(name, value, value, this.ratioMetrics?.includes(name) ?? true);
      if (reason) return reason;
    }
    return null;
  }
}
