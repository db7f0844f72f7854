import {
  type InitialState,
  makeExampleBlock,
  type SpeedTrainer,
  TrainingContender,
  type TrainSetup,
} from '@rfa/experiments/internal';
import * as Comlink from 'comlink';
import { imageWorkload } from '../workload.js';
import type { RaceCase, RaceStart, RaceWorkerApi } from './race-protocol.js';

/** Makes one case's trainers in a worker; `state` null: the first trainer draws them. */
export type TrainerFactory = (
  setup: TrainSetup,
  state: InitialState | null,
) => Promise<{ trainers: SpeedTrainer[]; state: InitialState | null }>;

/** The trainers of the current cases (one per rule) in one worker, timed on the page's request. */
export class ContenderHost {
  /** Keyed by rule and implementation: the cases of one batch size are timed together. */
  private contenders = new Map<string, TrainingContender>();
  private block?: { key: string; block: ReturnType<typeof makeExampleBlock> };

  constructor(private readonly make: TrainerFactory) {}

  async prepare(
    c: RaceCase,
    state: InitialState | null,
  ): Promise<{ impls: string[]; state: InitialState | null }> {
    // every rule's case of a batch size trains on the same block: draw it once
    const key = `${c.sizes[0]}-${c.sizes.at(-1)}-${c.blockRows}-${c.seed}`;
    if (this.block?.key !== key)
      this.block = { key, block: makeExampleBlock(c.sizes[0], c.sizes.at(-1)!, c.blockRows, c.seed) };
    const { block } = this.block;
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
      this.contenders.set(`${c.rule}/${t.impl}`, new TrainingContender(t, c.batch, c.lossEvery));
    return { impls: made.trainers.map((t) => t.impl), state: made.state };
  }

  private get(rule: string, impl: string): TrainingContender {
    const c = this.contenders.get(`${rule}/${impl}`);
    if (!c) throw new Error(`race worker: no trainer '${impl}' for rule '${rule}' in these cases`);
    return c;
  }

  activate(rule: string, impl: string): Promise<void> {
    return this.get(rule, impl).activate();
  }

  run(rule: string, impl: string, seconds: number): Promise<number> {
    return this.get(rule, impl).run(seconds);
  }

  losses(rule: string, impl: string): { lossFirst: number; lossLast: number } {
    const { lossFirst, lossLast } = this.get(rule, impl);
    return { lossFirst, lossLast };
  }

  release(): void {
    for (const c of this.contenders.values()) c.trainer.dispose();
    this.contenders.clear();
  }
}

/** Answers the page's calls in a race worker: `start` brings up its implementations, `host` times them. */
export function exposeRaceWorker(start: (config: unknown) => Promise<RaceStart>, host: ContenderHost): void {
  const api: RaceWorkerApi = {
    start,
    prepare: (c, state) => host.prepare(c, state),
    activate: (rule, impl) => host.activate(rule, impl),
    run: (rule, impl, seconds) => host.run(rule, impl, seconds),
    losses: (rule, impl) => host.losses(rule, impl),
    release: () => host.release(),
  };
  Comlink.expose(api);
}
