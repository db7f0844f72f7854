import { CliError } from '../cli-error.js';

/** Parses '784-1000-10' into layer sizes: at least an input and an output, all positive integers. */
export function parseLayers(text: string): number[] {
  const sizes = text.split('-').map((s) => Number(s));
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new CliError(
      `--layers must be sizes joined by '-' (at least two positive integers, e.g. 784-1000-10), got '${text}'`,
    );
  }
  return sizes;
}
