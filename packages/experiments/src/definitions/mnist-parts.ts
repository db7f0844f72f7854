import { type Dataset, type Mnist, sliceDataset } from '@rfa/datasets';
import { ConfigError } from '../errors.js';
import type { ExperimentData } from '../experiment.js';

/** The experiment's MNIST, or a ConfigError saying it must be handed in. */
export function requireMnist(id: string, data: ExperimentData): Mnist {
  if (!data.mnist)
    throw new ConfigError(
      'data.mnist',
      `${id} needs MNIST: pass data.mnist (loadExperimentData from @rfa/experiments/node, or loadMnistFromUrl in a browser)`,
    );
  return data.mnist;
}

/** The first `count` rows of a set (the whole set when count covers it). */
export const firstRows = (set: Dataset, count: number): Dataset =>
  count >= set.count ? set : sliceDataset(set, 0, count);
