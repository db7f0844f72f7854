import type { SpikeTrace } from '@rfa/spiking';
import type { RuleEnd, RunUpdate } from './api.js';
import { appendTrace, RASTER_WINDOW, traceSteps } from './trace-window.js';

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

  point(rule: string, seed: number, point: Record<string, number>): void {
    this.pending.points.push({ rule, seed, point });
    this.schedule();
  }

  progress(done: number, total: number): void {
    this.set({ progress: { done, total } });
  }

  end(e: RuleEnd): void {
    this.pending.ends.push(e);
    this.schedule();
  }

  /** Adds recorded steps of the raster (the last `RASTER_WINDOW` are kept between messages). */
  raster(trace: SpikeTrace, classes: number): void {
    if (traceSteps(trace) === 0) return;
    this.set({
      raster: { trace: appendTrace(this.pending.raster?.trace ?? null, trace, RASTER_WINDOW), classes },
    });
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
