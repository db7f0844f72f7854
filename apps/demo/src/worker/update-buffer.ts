import type { RuleEnd, RunUpdate } from './api.js';
import type { SpikeFrame } from './spike-recorder.js';

const empty = (): RunUpdate => ({ points: [], ends: [] });

/**
 * Gathers what a run reports and hands it on at most every `everyMs` (and at once when the
 * run finishes), so the page gets a few messages a second however fast the worker trains.
 */
export class UpdateBuffer {
  private pending: RunUpdate = empty();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (u: RunUpdate) => void,
    private readonly everyMs = 60,
  ) {}

  set(part: Partial<RunUpdate>): void {
    Object.assign(this.pending, part);
    this.schedule();
  }

  status(text: string): void {
    this.set({ status: text });
  }

  point(rule: string, point: Record<string, number>): void {
    this.pending.points.push({ rule, point });
    this.schedule();
  }

  progress(done: number, total: number): void {
    this.set({ progress: { done, total } });
  }

  end(e: RuleEnd): void {
    this.pending.ends.push(e);
    this.schedule();
  }

  raster(shape: Omit<NonNullable<RunUpdate['raster']>, 'frames'>, frames: SpikeFrame[]): void {
    if (frames.length === 0) return;
    const had = this.pending.raster?.frames ?? [];
    this.set({ raster: { ...shape, frames: had.concat(frames).slice(-600) } });
  }

  /** Sends what is pending now, marked finished. */
  finish(): void {
    this.pending.finished = true;
    this.flush();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.everyMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const u = this.pending;
    this.pending = empty();
    this.send(u);
  }
}
