import {
  type InitialState,
  makeExampleBlock,
  type SpeedTrainer,
  TrainingContender,
  type TrainSetup,
} from '@rfa/experiments/internal';
import { imageWorkload } from '../workload.js';
import type { RaceCase } from './race-protocol.js';

/** Makes one case's trainers in a worker; `state` null: the first trainer draws them. */
export type TrainerFactory = (
  setup: TrainSetup,
  state: InitialState | null,
) => Promise<{ trainers: SpeedTrainer[]; state: InitialState | null }>;

/** The trainers of the current case in one worker, timed on the page's request. */
export class ContenderHost {
  private contenders = new Map<string, TrainingContender>();

  constructor(private readonly make: TrainerFactory) {}

  async prepare(
    c: RaceCase,
    state: InitialState | null,
  ): Promise<{ impls: string[]; state: InitialState | null }> {
    this.release();
    const block = makeExampleBlock(c.sizes[0], c.sizes.at(-1)!, c.blockRows, c.seed);
    const image = imageWorkload(c.workload);
    const setup: TrainSetup = {
      sizes: c.sizes,
      ...(image ? { image } : {}),
      rule: c.rule,
      batch: c.batch,
      learningRate: c.learningRate,
      block,
      seed: c.seed,
    };
    const made = await this.make(setup, state);
    for (const t of made.trainers)
      this.contenders.set(t.impl, new TrainingContender(t, c.batch, c.lossEvery));
    return { impls: made.trainers.map((t) => t.impl), state: made.state };
  }

  private get(impl: string): TrainingContender {
    const c = this.contenders.get(impl);
    if (!c) throw new Error(`race worker: no trainer '${impl}' in this case`);
    return c;
  }

  activate(impl: string): Promise<void> {
    return this.get(impl).activate();
  }

  run(impl: string, seconds: number): Promise<number> {
    return this.get(impl).run(seconds);
  }

  losses(impl: string): { lossFirst: number; lossLast: number } {
    const { lossFirst, lossLast } = this.get(impl);
    return { lossFirst, lossLast };
  }

  release(): void {
    for (const c of this.contenders.values()) c.trainer.dispose();
    this.contenders.clear();
  }
}
