import { type Dataset, type Mnist, sliceDataset } from '@rfa/datasets';
import { requireDataset } from '../datasets/require-dataset.js';
import type { ExperimentData } from '../experiment.js';

/** The experiment's MNIST, or a ConfigError saying it must be handed in. */
export const requireMnist = (id: string, data: ExperimentData): Mnist => requireDataset(id, data, 'mnist');

/** The first `count` rows of a set (the whole set when count covers it). */
export const firstRows = (set: Dataset, count: number): Dataset =>
  count >= set.count ? set : sliceDataset(set, 0, count);
