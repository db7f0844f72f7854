import { RfaError } from '@rfa/tensor';

/**
 * A sweep spec, a `--grid` pair or a seed range was refused. `field` names what was wrong
 * (`'seeds'`, `'grid.learningRates.fa'`, `'rules.0'`).
 */
export class SweepSpecError extends RfaError {
  static override readonly kind: string = '@rfa/sweeps:SweepSpecError';
  readonly field: string;
  constructor(field: string, message: string) {
    super('SWEEP_SPEC', message);
    this.field = field;
  }
}

/** The queue's Redis could not be reached (or answered with an error) before anything was sent. */
export class QueueUnreachableError extends RfaError {
  static override readonly kind: string = '@rfa/sweeps:QueueUnreachableError';
  constructor(message: string) {
    super('QUEUE_UNREACHABLE', message);
  }
}

/** A result file could not be read or written; `path` names it. */
export class ResultStoreError extends RfaError {
  static override readonly kind: string = '@rfa/sweeps:ResultStoreError';
  readonly path: string;
  constructor(path: string, message: string) {
    super('RESULT_STORE', `${path}: ${message}`);
    this.path = path;
  }
}
