import { parseArgs } from 'node:util';
import { ruleEntry } from '@rfa/experiments';
import { CliError } from '../../cli-error.js';
import type { SpeedOptions } from '../../speed/run-speed.js';
import type { SpeedRule } from '../../speed/types.js';
import { parseLayers } from '../../speed/workload.js';

export type SpeedArgs = Omit<SpeedOptions, 'log'> & {
  json?: string;
  /** Race in Chromium instead of Node (`--browser`). */
  browser: boolean;
  /** N of the browser race's N-thread rows (`--threads`). */
  threads?: number;
};

function positiveInts(text: string, flag: string): number[] {
  const values = text.split(',').map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new CliError(`${flag} must be positive integers joined by ',', got '${text}'`);
  return values;
}

function positiveNumber(text: string, flag: string): number {
  const v = Number(text);
  if (!(v > 0) || !Number.isFinite(v)) throw new CliError(`${flag} must be a positive number, got '${text}'`);
  return v;
}

/** Validates `pnpm bench speed` flags; a bad one throws CliError naming it. */
export function parseSpeedArgs(argv: string[]): SpeedArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      peers: { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      threads: { type: 'string' },
      backend: { type: 'string', default: 'cpu' },
      'gpu-modes': { type: 'string' },
      batch: { type: 'string', default: '1,32,128' },
      layers: { type: 'string', default: '784-1000-10' },
      workload: { type: 'string', default: 'dense' },
      rules: { type: 'string', default: 'bp,fa' },
      seconds: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string' },
      'loss-every': { type: 'string', default: '50' },
      'no-gemm': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const backend = values.backend!;
  if (backend !== 'cpu' && backend !== 'gpu' && backend !== 'all')
    throw new CliError(`--backend must be cpu, gpu or all, got '${backend}'`);
  const rules = values.rules!.split(',').map((r) => r.trim());
  for (const r of rules) {
    try {
      ruleEntry(r);
    } catch (err) {
      throw new CliError(`--rules: ${(err as Error).message}`);
    }
  }
  const seconds = positiveNumber(values.seconds!, '--seconds');
  const workload = values.workload!;
  if (workload !== 'dense' && workload !== 'lenet')
    throw new CliError(`--workload must be dense or lenet, got '${workload}'`);
  if (workload === 'lenet' && !values.browser && backend !== 'cpu')
    throw new CliError('--workload lenet races rfa-cpu in Node (--backend cpu; --browser adds the GPU rows)');
  if (values.threads !== undefined && !values.browser)
    throw new CliError(
      '--threads applies to --browser (the Node race runs rfa on 1 thread and on its default)',
    );
  return {
    peers: values.peers!,
    workload,
    browser: values.browser!,
    ...(values.threads !== undefined ? { threads: positiveInts(values.threads, '--threads')[0] } : {}),
    backend,
    // 'none': no GPU rows (the browser race times its CPU contenders only)
    gpuModes: values['gpu-modes'] === 'none' ? [] : values['gpu-modes']?.split(',').map((m) => m.trim()),
    batches: positiveInts(values.batch!, '--batch'),
    sizes: parseLayers(values.layers!),
    rules: rules as SpeedRule[],
    seconds,
    rounds: positiveInts(values.rounds!, '--rounds')[0],
    // V8 tiers hot wasm and JS up in the background: rates settle after ~2 s here
    warmupSeconds: values.warmup === undefined ? 2 * seconds : positiveNumber(values.warmup, '--warmup'),
    lossEvery: positiveInts(values['loss-every']!, '--loss-every')[0],
    gemm: !values['no-gemm'],
    learningRate: 0.1,
    json: values.json,
  };
}
