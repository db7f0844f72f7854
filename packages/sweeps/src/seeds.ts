import { SweepSpecError } from './errors.js';

/** The most seeds one sweep may list: checked before any list is made, so `--seeds 1e12` cannot exhaust memory. */
export const MAX_SEEDS = 100_000;

/**
 * Seeds from the CLI: `20` (1 … 20), `5-12` (a range) or `1,4,9` (a list; ranges may mix in).
 * @example
 * parseSeeds('3'); // [1, 2, 3]
 * parseSeeds('1-3,7'); // [1, 2, 3, 7]
 */
export function parseSeeds(text: string): number[] {
  const t = text.trim();
  if (/^\d+$/.test(t)) return range(1, Number(t), text);
  const seeds = t.split(',').flatMap((part) => {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new SweepSpecError('seeds', `--seeds '${text}': expected N, A-B or a list like 1,2,5`);
    return m[2] === undefined
      ? range(Number(m[1]), Number(m[1]), text)
      : range(Number(m[1]), Number(m[2]), text);
  });
  const unique = [...new Set(seeds)];
  if (unique.length > MAX_SEEDS) throw tooMany(text);
  return unique;
}

const tooMany = (text: string) =>
  new SweepSpecError('seeds', `--seeds '${text}': more than ${MAX_SEEDS} seeds in one sweep`);

function range(from: number, to: number, text: string): number[] {
  if (from < 1 || to < from)
    throw new SweepSpecError('seeds', `--seeds '${text}': seeds are positive and a range runs upwards`);
  if (to - from + 1 > MAX_SEEDS || !Number.isSafeInteger(to)) throw tooMany(text);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
