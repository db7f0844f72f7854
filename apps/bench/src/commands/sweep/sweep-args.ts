import { resolve } from 'node:path';
import { experimentIds, parseOverrides } from '@rfa/experiments';
import { loadSweepSpec, parseGrid, parseSeeds, parseSweepSpec, type SweepSpec } from '@rfa/sweeps';
import { CliError } from '../../cli-error.js';
import { DATA_DIR_OPTIONS } from '../../data-dir.js';

/** Flags that say what a sweep is (shared by `sweep` and `collect`). */
export const SPEC_OPTIONS = {
  spec: { type: 'string' },
  rules: { type: 'string' },
  seeds: { type: 'string' },
  quick: { type: 'boolean' },
  set: { type: 'string', multiple: true },
  grid: { type: 'string', multiple: true },
} as const;

/** Flags that say where results and the queue are. */
export const PLACE_OPTIONS = {
  out: { type: 'string', default: 'rfa-sweep' },
  queue: { type: 'string' },
  'queue-file': { type: 'string' },
  'queue-name': { type: 'string' },
  'rank-by': { type: 'string' },
  ...DATA_DIR_OPTIONS,
} as const;

type SpecValues = {
  spec?: string;
  rules?: string;
  seeds?: string;
  quick?: boolean;
  set?: string[];
  grid?: string[];
};

/** Whether any flag or positional defines a sweep (else `collect` reads the one saved in --out). */
export const definesSpec = (v: SpecValues, positionals: string[]) =>
  positionals.length > 0 || Object.values(v).some((x) => x !== undefined);

/**
 * A sweep from flags, on top of `--spec FILE` when given: the experiment (positional),
 * `--rules a,b`, `--seeds 20|1-20|1,4,9`, `--quick`, `--set k=v` and `--grid k=v1,v2`.
 */
export async function specFromFlags(v: SpecValues, positionals: string[]): Promise<SweepSpec> {
  const base: Partial<SweepSpec> = v.spec ? await loadSweepSpec(resolve(v.spec)) : {};
  if (positionals.length > 1) throw new CliError(`sweep: name one experiment, got ${positionals.join(' ')}`);
  const experiment = positionals[0] ?? base.experiment;
  if (!experiment)
    throw new CliError(`sweep: name an experiment (${experimentIds().join(', ')}) or give --spec FILE`);
  return parseSweepSpec({
    experiment,
    rules: v.rules ? v.rules.split(',').map((r) => r.trim()) : base.rules,
    seeds: v.seeds ? parseSeeds(v.seeds) : (base.seeds ?? [1, 2, 3]),
    quick: v.quick ?? base.quick ?? false,
    set: { ...base.set, ...parseOverrides(v.set ?? []) },
    grid: { ...base.grid, ...parseGrid(v.grid ?? []) },
  });
}

/** A positive integer flag, or CliError naming it. */
export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--${flag} must be a positive integer, got '${value}'`);
  return n;
}

/** A non-negative number of seconds, or CliError naming the flag. */
export function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new CliError(`--${flag} must be a number of seconds, got '${value}'`);
  return n;
}
