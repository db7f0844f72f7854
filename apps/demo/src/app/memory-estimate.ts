import { SettingsError } from './settings-error.js';

/** What one tab's WebAssembly memory can hold for the networks (wasm32 stops at 4 GiB; leave room). */
export const MEMORY_BUDGET_BYTES = 1.5 * 2 ** 30;

const num = (c: Record<string, unknown>, k: string) => Number(c[k]);

/** Layer widths, input first, of the network an experiment's config builds (null: not known here). */
export function layerWidths(experiment: string, c: Record<string, unknown>): number[] | null {
  switch (experiment) {
    case 'fig2':
      return [30, num(c, 'hiddenUnits'), 10];
    case 'fig3a':
      return [784, num(c, 'hiddenUnits'), 10];
    case 'fig3d':
      return [30, num(c, 'hiddenUnits'), num(c, 'secondHiddenUnits'), 10];
    case 'fig4':
      return (c.layers as number[]).slice();
    case 'fig5':
      return [20, num(c, 'hiddenUnits'), 20];
    default:
      return null;
  }
}

/**
 * Bytes the run's networks need, roughly: per rule, each weight matrix four times
 * (W, its feedback, the update's scratch, the safe copy for a divergence rollback).
 */
export function estimateBytes(widths: number[], rules: number): number {
  let weights = 0;
  for (let l = 1; l < widths.length; l++) weights += widths[l - 1] * widths[l];
  return rules * weights * 4 * 4;
}

/** Refuses, before anything is allocated, a size that would not fit in the tab's memory. */
export function checkMemory(experiment: string, config: Record<string, unknown>, rules: number): void {
  const widths = layerWidths(experiment, config);
  if (!widths) return;
  const bytes = estimateBytes(widths, rules);
  if (bytes > MEMORY_BUDGET_BYTES)
    throw new SettingsError(
      'size',
      `${widths.join('-')} × ${rules} rule${rules === 1 ? '' : 's'} needs about ${(bytes / 2 ** 30).toFixed(1)} GiB, more than the ${(MEMORY_BUDGET_BYTES / 2 ** 30).toFixed(1)} GiB a tab can hold: use fewer units or rules`,
    );
}
