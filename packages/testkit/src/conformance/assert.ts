import { MismatchError } from '../expect-close.js';

/** Asserts that `fn` throws an error of class `type` whose message contains every `parts` string. */
export function expectThrows(
  fn: () => unknown,
  type: new (...args: never[]) => Error,
  parts: string[],
  label: string,
): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof type)) {
      throw new MismatchError(
        `${label}: expected ${type.name}, got ${(err as Error)?.name}: ${(err as Error)?.message}`,
      );
    }
    for (const p of parts) {
      if (!(err as Error).message.includes(p)) {
        throw new MismatchError(`${label}: message '${(err as Error).message}' does not name '${p}'`);
      }
    }
    return;
  }
  throw new MismatchError(`${label}: expected ${type.name}, nothing was thrown`);
}

export function expectTrue(condition: boolean, message: string): void {
  if (!condition) throw new MismatchError(message);
}
