import type { Trainer } from '@rfa/learning-rules';
import type { SpikingNetwork } from '@rfa/spiking';
import type { Backend } from '@rfa/tensor';
import type { RunEvent } from '../events.js';

/**
 * What a run trains, live: a `Trainer` (its network's weights, `predict`) or the spiking
 * network (its tensors, `onStep`). For pages that show weights or ask for a guess.
 */
export type RunModel = { kind: 'trainer'; trainer: Trainer } | { kind: 'spiking'; network: SpikingNetwork };

/** Where one run keeps its checkpoint: the runner scopes it to the experiment, config, seed and rule. */
export interface RunCheckpoint {
  load(): Promise<Uint8Array | null>;
  save(bytes: Uint8Array): Promise<void>;
  /** Whether enough time has passed since the last save to save again. */
  due(): boolean;
  /** Where the checkpoint is kept (a file path), for messages. */
  where?: string;
}

/** What a run of one rule under one seed is given. */
export interface RunContext {
  backend: Backend;
  seed: number;
  signal?: AbortSignal;
  /** Reports progress, evaluations, curve points and the end (the runner adds the run's identity). */
  emit(event: RunEvent): void;
  /**
   * Awaited after every step (trainer runs) or batch (spiking): a page pauses, single-steps
   * or paces a run here. Absent: no wait.
   */
  gate?: () => void | Promise<void>;
  /** Absent: no checkpoints, no resume. */
  checkpoint?: RunCheckpoint;
  /**
   * Told the model once it is built, and `null` just before it is disposed. Read it only
   * between steps (in `gate`, or right after an event); never step or dispose it.
   */
  onModel?: (model: RunModel | null) => void;
}
