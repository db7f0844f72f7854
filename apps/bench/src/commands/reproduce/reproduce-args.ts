import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ExperimentId, experimentIds, getExperiment, parseOverrides } from '@rfa/experiments';
import { CliError } from '../../cli-error.js';
import { DATA_DIR_OPTIONS, dataDirOf } from '../../data-dir.js';

export interface ReproduceArgs {
  experiments: ExperimentId[];
  /** Seeds per experiment; absent: each experiment's default (the paper's 20 where that is cheap). */
  seeds?: number;
  quick: boolean;
  /** Per-experiment overrides of seeds and quick (the main job mixes full and quick runs). */
  perExperiment?: Partial<Record<ExperimentId, { seeds?: number; quick?: boolean }>>;
  /** `--set` pairs, parsed: `key` for every experiment named, `<id>.key` for one. */
  overrides?: Record<string, unknown>;
  backend: string;
  /** CPU backend: gemm with fused multiply-adds (faster; other numbers than without). */
  fma: boolean;
  outDir: string;
  json?: string;
  /** A folder of data sets by id (`<dataDir>/mnist/`); absent: the packaged data. */
  dataDir?: string;
  rules?: string[];
  /** Where checkpoints and finished runs are kept (default `<out>/checkpoints`). */
  checkpointDir?: string;
  /** Continue an interrupted run of the same config from its checkpoints. */
  resume?: boolean;
}

/** Validates `pnpm bench reproduce` flags; a bad one throws CliError or ConfigError naming it. */
export function parseReproduceArgs(argv: string[]): ReproduceArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seeds: { type: 'string' },
      quick: { type: 'boolean', default: false },
      backend: { type: 'string', default: 'cpu' },
      fma: { type: 'boolean', default: false },
      out: { type: 'string', default: 'rfa-report' },
      json: { type: 'string' },
      ...DATA_DIR_OPTIONS,
      rules: { type: 'string' },
      set: { type: 'string', multiple: true },
      'checkpoint-dir': { type: 'string' },
      resume: { type: 'boolean', default: false },
    },
  });
  const ids = experimentIds();
  if (positionals.length === 0)
    throw new CliError(`reproduce: name an experiment (${ids.join(', ')} or all)`);
  const experiments = positionals.flatMap((p) => (p === 'all' ? ids : [p]));
  for (const e of experiments) getExperiment(e);
  const seeds = values.seeds === undefined ? undefined : Number(values.seeds);
  if (seeds !== undefined && (!Number.isInteger(seeds) || seeds < 1))
    throw new CliError(`reproduce: --seeds must be a positive integer, got '${values.seeds}'`);
  const outDir = resolve(values.out ?? 'rfa-report');
  return {
    experiments: experiments as ExperimentId[],
    seeds,
    quick: values.quick ?? false,
    overrides: parseOverrides(values.set ?? []),
    backend: values.backend ?? 'cpu',
    fma: values.fma ?? false,
    outDir,
    json: values.json,
    dataDir: dataDirOf(values),
    rules: values.rules ? values.rules.split(',').map((r) => r.trim()) : undefined,
    checkpointDir: values['checkpoint-dir'] ? resolve(values['checkpoint-dir']) : undefined,
    resume: values.resume ?? false,
  };
}

/**
 * The overrides for one experiment: unprefixed keys apply to every experiment named, keys
 * prefixed with an experiment's id (`<id>.size`) only to that one.
 */
export function overridesFor(id: ExperimentId, all: Record<string, unknown> = {}): Record<string, unknown> {
  const ids = experimentIds() as string[];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    const head = key.split('.')[0];
    if (!ids.includes(head)) out[key] = value;
    else if (head === id) out[key.slice(head.length + 1)] = value;
  }
  return out;
}
