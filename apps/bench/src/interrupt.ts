/**
 * Ctrl-C as an AbortSignal: the first SIGINT prints `message` and aborts; `release()`
 * (in a `finally`) stops listening, so a later Ctrl-C ends the process as usual.
 */
export function interruptSignal(message: string): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    console.error(`\ninterrupt: ${message}`);
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.off('SIGINT', onSigint) };
}
