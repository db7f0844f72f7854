import { BatchCursor, type SpeedTrainer, type TrainSetup } from '@rfa/experiments/internal';
import type * as Tf from '@tensorflow/tfjs-core';
import { TfjsLoadError } from './errors.js';
import type { TfjsPeer, TfModule } from './peer.js';

/** Switches TensorFlow.js to the peer's backend, where a trainer's tensors are then made (they live there). */
export async function usePeerBackend(tf: TfModule, peer: TfjsPeer): Promise<void> {
  if (!(await tf.setBackend(peer.backendName)))
    throw new TfjsLoadError(`${peer.impl}: tfjs backend '${peer.backendName}' did not start`);
}

/**
 * What the dense and the conv TensorFlow.js trainers share: the peer's backend made current
 * before each timed run, the batches taken in the order rfa takes them, and the kept loss
 * (a tensor, read back only when the race asks for it).
 */
export abstract class TfjsTrainerBase implements SpeedTrainer {
  readonly impl: string;
  protected readonly cursor: BatchCursor;
  private lastLoss: Tf.Scalar | null = null;

  protected constructor(
    protected readonly tf: TfModule,
    private readonly peer: TfjsPeer,
    protected readonly setup: TrainSetup,
  ) {
    this.impl = peer.impl;
    this.cursor = new BatchCursor(setup.block, setup.batch);
  }

  /** Makes the peer's backend current; throws if it does not start, rather than time another backend. */
  async activate(): Promise<void> {
    await usePeerBackend(this.tf, this.peer);
  }

  abstract step(withLoss: boolean): void;

  /** Keeps a step's loss (and frees the one kept before); `undefined` keeps the old one. */
  protected keepLoss(loss: Tf.Tensor | undefined): void {
    if (!loss) return;
    this.lastLoss?.dispose();
    this.lastLoss = loss as Tf.Scalar;
  }

  async loss(): Promise<number> {
    if (!this.lastLoss) throw new Error(`${this.impl}: no step kept its loss yet`);
    return this.lastLoss.dataSync()[0];
  }

  dispose(): void {
    this.lastLoss?.dispose();
    this.lastLoss = null;
  }
}
