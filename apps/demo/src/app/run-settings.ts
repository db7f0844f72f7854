import {
  type ExperimentId,
  experimentIds,
  getExperiment,
  resolveConfig,
  selectRules,
} from '@rfa/experiments';
import { checkMemory } from './memory-estimate.js';
import { SettingsError } from './settings-error.js';

export { SettingsError };

/** Where the numbers are computed. */
export const BACKENDS = ['cpu', 'webgl2', 'webgpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** The most seeds a demo run takes (they run one after another, each the whole run's length). */
export const MAX_SEEDS = 10;
const MAX_SEED = 2 ** 31;

/** The seeds a run goes through: `seed`, `seed + 1`, …, `seed + seeds − 1`. */
export const runSeeds = (s: Pick<RunSettings, 'seed' | 'seeds'>): number[] =>
  Array.from({ length: s.seeds }, (_, i) => s.seed + i);

/** Everything a run is made from: what the form shows and the shared URL carries. */
export interface RunSettings {
  experiment: ExperimentId;
  /** Rule keys; empty: the experiment's default rules. */
  rules: string[];
  /** Dotted config fields set over the demo preset (`learningRates.fa`: 0.01). */
  overrides: Record<string, unknown>;
  /** The first seed. */
  seed: number;
  /** How many seeds run, one after another: `seed`, `seed + 1`, … (1 to `MAX_SEEDS`). */
  seeds: number;
  backend: BackendChoice;
  /** Training steps of each rule per animation frame; 0: as fast as the worker goes. */
  stepsPerFrame: number;
}

/** The settings a page opens with: the first experiment of the registry, its default rules. */
export const defaultSettings = (experiment: ExperimentId = experimentIds()[0]): RunSettings => ({
  experiment,
  rules: [],
  overrides: {},
  seed: 1,
  seeds: 1,
  backend: 'cpu',
  stepsPerFrame: 0,
});

/** A run ready to start: the checked config and rules. */
export interface ResolvedRun {
  config: Record<string, unknown>;
  rules: string[];
}

/**
 * Checks settings and builds the run's config: the experiment's browser preset, then the overrides,
 * through the experiment's schema; the rules through `selectRules`; the size against
 * the memory a tab can give. Throws SettingsError naming the field.
 */
export function resolveRun(s: RunSettings): ResolvedRun {
  if (!experimentIds().includes(s.experiment))
    throw new SettingsError(
      'experiment',
      `unknown experiment '${s.experiment}' (choose ${experimentIds().join(', ')})`,
    );
  if (!Number.isInteger(s.seed) || s.seed < 1 || s.seed > MAX_SEED)
    throw new SettingsError('seed', `seed must be a whole number from 1 to ${MAX_SEED}, got ${s.seed}`);
  if (!Number.isInteger(s.seeds) || s.seeds < 1 || s.seeds > MAX_SEEDS)
    throw new SettingsError('seeds', `seeds must be a whole number from 1 to ${MAX_SEEDS}, got ${s.seeds}`);
  if (s.seed + s.seeds - 1 > MAX_SEED)
    throw new SettingsError('seeds', `seeds ${s.seed} to ${s.seed + s.seeds - 1} go past ${MAX_SEED}`);
  if (!BACKENDS.includes(s.backend))
    throw new SettingsError('backend', `unknown backend '${s.backend}' (choose ${BACKENDS.join(', ')})`);
  if (!Number.isInteger(s.stepsPerFrame) || s.stepsPerFrame < 0)
    throw new SettingsError('stepsPerFrame', `steps per frame must be 0 or more, got ${s.stepsPerFrame}`);
  const exp = getExperiment(s.experiment);
  let config: Record<string, unknown>;
  let rules: string[];
  try {
    config = resolveConfig(exp, {
      overrides: { ...exp.browser.overrides, ...s.overrides },
    }) as Record<string, unknown>;
    rules = selectRules(exp, config, s.rules);
  } catch (err) {
    const field = (err as { field?: string }).field ?? 'config';
    throw new SettingsError(field, (err as Error).message);
  }
  checkMemory(exp, config, rules.length);
  return { config, rules };
}
