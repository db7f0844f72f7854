import { RfaError } from '@rfa/tensor';

/** Raised inside an experiment when the user interrupts (Ctrl-C); the runner keeps finished seeds. */
export class InterruptedError extends RfaError {
  constructor() {
    super('INTERRUPTED', 'interrupted by the user');
  }
}

export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new InterruptedError();
}

/** Lets the event loop run (signals, progress redraws) between chunks of synchronous work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
