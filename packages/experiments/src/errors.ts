import { RfaError } from '@rfa/tensor';

/**
 * An experiment's config, a `--set` override or a rule's options were refused.
 * `field` names what was wrong (`'learningRates.fa'`, `'size'`, `'rules'`, `'fa.feedbackScale'`).
 */
export class ConfigError extends RfaError {
  static override readonly kind: string = '@rfa/experiments:ConfigError';
  readonly field: string;
  constructor(field: string, message: string) {
    super('CONFIG', message);
    this.field = field;
  }
}

/** Raised inside a run when its AbortSignal fires; the runner keeps finished seeds and says so. */
export class InterruptedError extends RfaError {
  static override readonly kind: string = '@rfa/experiments:InterruptedError';
  constructor() {
    super('INTERRUPTED', 'interrupted by the user');
  }
}

/** Throws InterruptedError when `signal` has fired. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InterruptedError();
}

/** A checkpoint folder could not be read or written (missing, read-only, full); `path` names the file. */
export class CheckpointStoreError extends RfaError {
  static override readonly kind: string = '@rfa/experiments:CheckpointStoreError';
  readonly path: string;
  constructor(path: string, message: string) {
    super('CHECKPOINT_STORE', `${path}: ${message}`);
    this.path = path;
  }
}
