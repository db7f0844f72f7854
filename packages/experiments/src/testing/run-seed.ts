import { createCpuBackend } from '@rfa/backend-cpu';
import type { Backend } from '@rfa/tensor';
import type { ExperimentEvent } from '../events.js';
import type { Experiment, ExperimentData } from '../experiment.js';
import { selectRules } from '../registry.js';
import type { SeedOutcome } from '../types.js';

const shared = createCpuBackend();

/** Runs every default rule of `exp` under one seed, directly (no store, no aggregation). */
export async function runSeed<C extends object>(
  exp: Experiment<C>,
  config: C,
  o: {
    seed?: number;
    data?: ExperimentData;
    signal?: AbortSignal;
    backend?: Backend;
    onEvent?: (e: ExperimentEvent) => void;
  } = {},
): Promise<SeedOutcome> {
  const seed = o.seed ?? 1;
  const outcome: SeedOutcome = {};
  for (const rule of selectRules(exp, config)) {
    outcome[rule] = await exp.run(config, rule, {
      backend: o.backend ?? shared,
      seed,
      signal: o.signal,
      data: o.data ?? { datasets: {} },
      emit: (e) => o.onEvent?.({ ...e, experiment: exp.id, seed, rule } as ExperimentEvent),
    });
  }
  return outcome;
}
