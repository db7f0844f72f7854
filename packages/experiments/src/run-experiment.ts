import type { Backend } from '@rfa/tensor';
import { CheckpointError } from '@rfa/train';
import { aggregate } from './analysis/aggregate.js';
import { type CheckpointStore, contentHash } from './checkpoint-store.js';
import { InterruptedError } from './errors.js';
import type { ExperimentEvent, RunId } from './events.js';
import type { Experiment, ExperimentData } from './experiment.js';
import { selectRules } from './registry.js';
import type { RunCheckpoint, RunModel } from './runs/run-context.js';
import { describeKey, sealedStore } from './sealed-store.js';
import type { ExperimentReport, RuleRun, SeedOutcome } from './types.js';

export interface RunExperimentOptions<C extends object> {
  /** From `resolveConfig`. */
  config: C;
  /** How many seeds (1, 2, ..., n), or the seed numbers themselves. */
  seeds: number | readonly number[];
  /** Rule keys (default: the experiment's default rules); an unknown key is refused with the list. */
  rules?: readonly string[];
  backend: Backend;
  /** The data sets `exp.needs` asks for, by id (MNIST for fig3a and fig4). */
  data?: ExperimentData;
  /** Stops between steps; the report keeps the finished seeds and says it was interrupted. */
  signal?: AbortSignal;
  onEvent?: (event: ExperimentEvent) => void;
  /** Awaited after each finished seed (and once after an interruption) with the report so far. */
  onSeed?: (report: ExperimentReport) => void | Promise<void>;
  /**
   * Keeps each run's checkpoints and finished results: running the same experiment, config
   * and backend again resumes where it stopped and skips finished runs.
   */
  store?: CheckpointStore;
  /** Least wall time between two checkpoints of one run (default 30 s; 0: at every chance). */
  checkpointSeconds?: number;
  /** Awaited after every step of every run (pause, single-step, pacing); see `RunContext.gate`. */
  gate?: () => void | Promise<void>;
  /** Each run's live model once built, and `null` before it is disposed; see `RunContext.onModel`. */
  onModel?: (run: RunId, model: RunModel | null) => void;
  /**
   * Run a seed's rules side by side (interleaved on one thread, each yielding as it trains)
   * instead of one after another; every run is independent, so the numbers are the same.
   */
  concurrentRules?: boolean;
  /** Recorded in the report (whether the config came from the quick preset). */
  quick?: boolean;
  /** Milliseconds clock (default `performance.now`). */
  clock?: () => number;
}

/** Work units of a whole run (seeds × rules), for a progress bar. */
export function experimentWork<C extends object>(
  exp: Experiment<C>,
  config: C,
  rules: readonly string[],
  seeds: number,
): number {
  return seeds * rules.reduce((s, r) => s + exp.work(config, r), 0);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Runs an experiment: each seed, each rule (through `@rfa/train`'s loop, or the spiking
 * package's), reporting events as it goes; aggregates the seeds into the report the
 * bench writes and the demo shows. An abort keeps the finished seeds; with a store,
 * runs resume from their last checkpoint and finished runs are not run again.
 * @example
 * const report = await runExperiment(fig2, { config: resolveConfig(fig2, { quick: true }), seeds: 3, backend });
 * report.results.fa.final.nse.mean;
 */
export async function runExperiment<C extends object>(
  exp: Experiment<C>,
  o: RunExperimentOptions<C>,
): Promise<ExperimentReport> {
  const rules = selectRules(exp, o.config, o.rules);
  const seeds = typeof o.seeds === 'number' ? Array.from({ length: o.seeds }, (_, i) => i + 1) : [...o.seeds];
  const clock = o.clock ?? (() => performance.now());
  const started = clock();
  const outcomes: SeedOutcome[] = [];
  const done: number[] = [];
  const prefix = `${exp.id}-${contentHash(JSON.stringify({ config: o.config, backend: o.backend.name }))}`;
  let interrupted = false;
  const store = o.store ? sealedStore(o.store) : undefined;

  const report = (): ExperimentReport => {
    const results = aggregate(outcomes, done);
    return {
      experiment: exp.id,
      seeds: seeds.length,
      quick: o.quick ?? false,
      backend: o.backend.description,
      config: o.config,
      results,
      paper: exp.paper,
      ...(exp.analyse && outcomes.length > 1 ? { analysis: exp.analyse(results) } : {}),
      seedsCompleted: outcomes.length,
      ...(interrupted ? { interrupted: true } : {}),
      elapsedSeconds: (clock() - started) / 1000,
      notes: exp.notes,
    };
  };

  const runOne = async (seed: number, rule: string): Promise<RuleRun> => {
    const key = `${prefix}/seed-${seed}/${rule}`;
    const emit = (e: object) => o.onEvent?.({ ...e, experiment: exp.id, seed, rule } as ExperimentEvent);
    const stored = await loadFinishedRun(store, `${key}.run.json`);
    if (stored) {
      emit({ type: 'end', run: stored, restored: true });
      return stored;
    }
    const run = await exp.run(o.config, rule, {
      backend: o.backend,
      seed,
      signal: o.signal,
      data: o.data ?? { datasets: {} },
      emit,
      gate: o.gate,
      onModel: o.onModel ? (model) => o.onModel?.({ experiment: exp.id, seed, rule }, model) : undefined,
      checkpoint: store ? checkpointFor(store, `${key}.ckpt`, o.checkpointSeconds ?? 30, clock) : undefined,
    });
    if (store) {
      await store.save(`${key}.run.json`, encoder.encode(JSON.stringify(run)));
      await store.remove(`${key}.ckpt`);
    }
    emit({ type: 'end', run, restored: false });
    return run;
  };

  try {
    for (const seed of seeds) {
      const outcome: SeedOutcome = {};
      if (o.concurrentRules) {
        const runs = await Promise.all(rules.map((rule) => runOne(seed, rule)));
        rules.forEach((rule, i) => {
          outcome[rule] = runs[i];
        });
      } else
        for (const rule of rules) {
          if (o.signal?.aborted) throw new InterruptedError();
          outcome[rule] = await runOne(seed, rule);
        }
      outcomes.push(outcome);
      done.push(seed);
      await o.onSeed?.(report());
    }
  } catch (err) {
    if (!(err instanceof InterruptedError)) throw err;
    interrupted = true;
    await o.onSeed?.(report());
  }
  return report();
}

/**
 * A finished run saved in the store, or null: none there, or a damaged one (it is removed,
 * so the run is computed again; a checkpoint, unlike this, is refused, see `sealedStore`).
 */
async function loadFinishedRun(store: CheckpointStore | undefined, key: string): Promise<RuleRun | null> {
  try {
    const bytes = await store?.load(key);
    return bytes
      ? (JSON.parse(decoder.decode(bytes), (_, v) => (v === null ? Number.NaN : v)) as RuleRun)
      : null;
  } catch (err) {
    if (!(err instanceof CheckpointError) && !(err instanceof SyntaxError)) throw err;
    await store?.remove(key);
    return null;
  }
}

function checkpointFor(
  store: CheckpointStore,
  key: string,
  seconds: number,
  clock: () => number,
): RunCheckpoint {
  let last = clock();
  return {
    load: () => store.load(key),
    save: async (bytes) => {
      await store.save(key, bytes);
      last = clock();
    },
    due: () => clock() - last >= seconds * 1000,
    where: describeKey(store, key),
  };
}
