import { type Experiment, estimateMemoryBytes } from '@rfa/experiments';
import { SettingsError } from './settings-error.js';

/** What one tab's WebAssembly memory can hold for the networks (wasm32 stops at 4 GiB; leave room). */
const MEMORY_BUDGET_BYTES = 1.5 * 2 ** 30;

/** Refuses, before anything is allocated, a size that would not fit in the tab's memory. */
export function checkMemory(experiment: Experiment, config: object, rules: number): void {
  const bytes = estimateMemoryBytes(experiment, config, rules);
  if (bytes > MEMORY_BUDGET_BYTES)
    throw new SettingsError(
      'size',
      `${experiment.layerWidths(config).join('-')} × ${rules} rule${rules === 1 ? '' : 's'} needs about ${(bytes / 2 ** 30).toFixed(1)} GiB, more than the ${(MEMORY_BUDGET_BYTES / 2 ** 30).toFixed(1)} GiB a tab can hold: use fewer units or rules`,
    );
}
