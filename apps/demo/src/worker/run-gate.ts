/**
 * What every training step of a run waits on (`runExperiment`'s `gate`): pause, single
 * step (one step of each rule) and pacing (at most `stepsPerFrame` steps of each rule per
 * frame). Stopping opens it for good so the runs can see their abort signal.
 */
export class RunGate {
  private paused = false;
  private stopped = false;
  private credits = 0;
  private sinceFrame = 0;
  private waiters: (() => void)[] = [];

  constructor(
    /** Rules running side by side: a single step lets each of them take one. */
    private readonly rules: number,
    /** Steps of each rule per frame; 0: no pacing. */
    public stepsPerFrame = 0,
    private readonly nextFrame: () => Promise<void> = () => new Promise((r) => setTimeout(r, 16)),
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  /** The gate itself: awaited after every step of every rule. */
  pass = async (): Promise<void> => {
    while (this.paused && this.credits === 0 && !this.stopped)
      await new Promise<void>((r) => this.waiters.push(r));
    if (this.paused && this.credits > 0) this.credits--;
    if (this.stepsPerFrame > 0 && !this.paused && ++this.sinceFrame >= this.stepsPerFrame * this.rules) {
      this.sinceFrame = 0;
      await this.nextFrame();
    }
  };

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake();
  }

  /** While paused: let each rule take one more step. */
  step(): void {
    if (!this.paused) return;
    this.credits += this.rules;
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }
}
