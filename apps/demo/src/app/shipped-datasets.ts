import { DATASETS, type DatasetId, type Experiment } from '@rfa/experiments';
import { SettingsError } from './settings-error.js';

/** The data sets this demo's build puts beside the page (`scripts/prepare-mnist.mjs`). */
const SHIPPED_DATASETS: readonly DatasetId[] = ['mnist'];

/** The names of the data sets `exp` needs that the demo does not ship; empty when it can run. */
export const unshippedDatasets = (exp: Pick<Experiment, 'needs'>): string[] =>
  (exp.needs.datasets ?? []).filter((id) => !SHIPPED_DATASETS.includes(id)).map((id) => DATASETS[id].name);

/**
 * Refuses, before anything is fetched or built, an experiment whose data the demo does not
 * ship: SettingsError on 'experiment' naming the data set and the bench command instead.
 */
export function checkShipped(exp: Pick<Experiment, 'id' | 'needs'>): void {
  const missing = unshippedDatasets(exp);
  if (missing.length)
    throw new SettingsError(
      'experiment',
      `${exp.id} needs ${missing.join(', ')}, which this demo does not ship; run it with the bench: pnpm bench reproduce ${exp.id}`,
    );
}
