import { ConfigError } from '../errors.js';
import type { ExperimentData } from '../experiment.js';
import type { DatasetId, DatasetValues } from './dataset-registry.js';

/**
 * The data set `id` from an experiment's data, or a ConfigError naming `data.datasets.<id>`
 * and how to load it.
 * @example
 * const mnist = requireDataset('fig3a', ctx.data, 'mnist');
 */
export function requireDataset<K extends DatasetId>(
  experiment: string,
  data: ExperimentData,
  id: K,
): DatasetValues[K] {
  const value = data.datasets?.[id];
  if (!value)
    throw new ConfigError(
      `data.datasets.${id}`,
      `${experiment} needs the data set '${id}': pass data.datasets.${id} (loadExperimentData from @rfa/experiments/node, or loadExperimentDataFromUrl in a browser)`,
    );
  return value as DatasetValues[K];
}
