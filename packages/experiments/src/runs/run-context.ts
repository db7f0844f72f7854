import type { Backend } from '@rfa/tensor';
import type { RunEvent } from '../events.js';

/** Where one run keeps its checkpoint: the runner scopes it to the experiment, config, seed and rule. */
export interface RunCheckpoint {
  load(): Promise<Uint8Array | null>;
  save(bytes: Uint8Array): Promise<void>;
  /** Whether enough time has passed since the last save to save again. */
  due(): boolean;
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
}
