import { RfaError } from '@rfa/tensor';

/**
 * A data file could not be used: wrong magic number, truncated, inconsistent counts,
 * labels out of range, corrupt gzip, not found. `file` names the file (or the pair of
 * files) and `reason` says what was wrong; the message carries both.
 */
export class DatasetError extends RfaError {
  static override readonly kind: string = '@rfa/datasets:DatasetError';
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super('DATASET', `${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
  }
}
