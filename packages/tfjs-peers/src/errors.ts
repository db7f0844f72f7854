import { RfaError } from '@rfa/tensor';

/** TensorFlow.js or one of its backends could not be loaded; the message names the packages. */
export class TfjsLoadError extends RfaError {
  static override readonly kind: string = '@rfa/tfjs-peers:TfjsLoadError';
  constructor(message: string) {
    super('TFJS_LOAD', message);
  }
}
