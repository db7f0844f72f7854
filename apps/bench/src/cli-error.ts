import { RfaError } from '@rfa/tensor';

/** A problem with what the user passed (flag, file, spec field); printed without a stack, exit code 2. */
export class CliError extends RfaError {
  static override readonly kind: string = '@rfa/bench:CliError';
  constructor(message: string) {
    super('CLI', message);
  }
}
