import type { Contender } from './interleave.js';
import type { SpeedTrainer } from './speed-trainer.js';

/**
 * A trainer as a contender: examples per second over a timed run, loss read every
 * `lossEvery` steps. `lossLast` is the mean of the losses read in the latest run: one
 * step's loss at batch 1 swings with its example, a run's mean shows whether it learns.
 */
export class TrainingContender implements Contender {
  /** Loss of the very first step; mean loss of the steps read in the latest run. */
  lossFirst = Number.NaN;
  lossLast = Number.NaN;

  constructor(
    readonly trainer: SpeedTrainer,
    private readonly batch: number,
    private readonly lossEvery: number,
  ) {}

  get impl(): string {
    return this.trainer.impl;
  }

  activate(): Promise<void> {
    return this.trainer.activate();
  }

  /**
   * Steps until `seconds` have passed; the last step always reads its loss, so work a
   * device queued is finished inside the timed span.
   */
  async run(seconds: number): Promise<number> {
    const { trainer } = this;
    if (Number.isNaN(this.lossFirst)) {
      trainer.step(true);
      this.lossFirst = await trainer.loss();
    }
    const start = performance.now();
    let steps = 0;
    let lossSum = 0;
    let lossReads = 0;
    for (;;) {
      const last = performance.now() - start >= seconds * 1000;
      const withLoss = last || (steps + 1) % this.lossEvery === 0;
      trainer.step(withLoss);
      steps++;
      if (withLoss) {
        lossSum += await trainer.loss();
        lossReads++;
      }
      if (last) break;
    }
    this.lossLast = lossSum / lossReads;
    return (steps * this.batch) / ((performance.now() - start) / 1000);
  }
}
