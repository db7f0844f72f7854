import { figS6 } from './definitions/fig-s6.js';
import { fig2 } from './definitions/fig2.js';
import { fig3a } from './definitions/fig3a.js';
import { fig3aFashion } from './definitions/fig3a-fashion.js';
import { fig3d } from './definitions/fig3d.js';
import { fig4 } from './definitions/fig4.js';
import { fig5 } from './definitions/fig5.js';
import { lenetFashion } from './definitions/lenet-fashion.js';
import { lenetMnist } from './definitions/lenet-mnist.js';
import { rules784500 } from './definitions/rules-784-500-10.js';
import { ConfigError } from './errors.js';
import type { Experiment } from './experiment.js';

/** Every experiment, by id, in the paper's order (then those beyond it): the one list the bench and the demo read. */
export const EXPERIMENTS = {
  fig2,
  fig3a,
  fig3d,
  fig4,
  fig5,
  figS6,
  'fig3a-fashion': fig3aFashion,
  'lenet-mnist': lenetMnist,
  'lenet-fashion': lenetFashion,
  'rules-784-500-10': rules784500,
} as const;

/** An id of `EXPERIMENTS`. */
export type ExperimentId = keyof typeof EXPERIMENTS;

/**
 * The quick paper check (`pnpm bench main`, what `npm start` runs): Fig. 2 over 3 seeds and a
 * quick Fig. 3a on MNIST over 1 seed, a few minutes on two cores.
 */
export const QUICK_CHECK: readonly { id: ExperimentId; seeds: number; quick: boolean }[] = [
  { id: 'fig2', seeds: 3, quick: false },
  { id: 'fig3a', seeds: 1, quick: true },
];

/** Experiments added at run time (`registerExperiment`), after `EXPERIMENTS`. */
const added = new Map<string, Experiment>();

/** The ids in the paper's order, then those registered at run time. */
export const experimentIds = (): ExperimentId[] =>
  [...Object.keys(EXPERIMENTS), ...added.keys()] as ExperimentId[];

/** The experiment with this id; ConfigError listing the ids otherwise. */
export function getExperiment(id: string): Experiment {
  const e = (EXPERIMENTS as Record<string, Experiment>)[id] ?? added.get(id);
  if (!e) throw new ConfigError('experiment', `unknown experiment '${id}' (${experimentIds().join(', ')})`);
  return e;
}

/**
 * Adds an experiment to the list every tool reads (`experimentIds`, `getExperiment`), for a
 * plug-in or a test; rfa's own experiments are the lines of `EXPERIMENTS`. ConfigError when
 * the id is taken. Returns a function that removes it again.
 * @example
 * const remove = registerExperiment(myExperiment);
 */
export function registerExperiment<C extends object>(exp: Experiment<C>): () => void {
  if (exp.id in EXPERIMENTS || added.has(exp.id))
    throw new ConfigError('experiment', `an experiment '${exp.id}' is registered already`);
  added.set(exp.id, exp as unknown as Experiment);
  return () => {
    if (added.get(exp.id) === (exp as unknown as Experiment)) added.delete(exp.id);
  };
}

/**
 * The rule keys to run: those asked for (each must be one of the experiment's, else
 * ConfigError listing them), in the experiment's order; by default its default rules.
 */
export function selectRules<C extends object>(
  exp: Experiment<C>,
  config: C,
  requested?: readonly string[],
): string[] {
  const known = Object.keys(exp.rules);
  if (!requested || requested.length === 0)
    return exp.defaultRules?.(config) ?? known.filter((k) => !exp.rules[k].optional);
  for (const r of requested)
    if (!known.includes(r))
      throw new ConfigError('rules', `${exp.id} has no rule '${r}' (its rules: ${known.join(', ')})`);
  return known.filter((k) => requested.includes(k));
}
