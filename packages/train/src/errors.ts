import { RfaError } from '@rfa/tensor';

/**
 * A checkpoint was refused: corrupt, truncated, of another format or version, or
 * made for another architecture or rule. `field` names what was wrong
 * ('magic', 'version', 'checksum', 'layers.1.out', 'rule.name', 'tensors.feedback.1.shape', ...).
 */
export class CheckpointError extends RfaError {
  static override readonly kind: string = '@rfa/train:CheckpointError';
  readonly field: string;
  constructor(field: string, message: string) {
    super('CHECKPOINT', `checkpoint ${field}: ${message}`);
    this.field = field;
  }
}
