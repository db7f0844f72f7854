import type { Experiment } from './experiment.js';

/** Copies of each weight matrix a run holds: W, its feedback, the update's scratch, the rollback copy. */
const COPIES = 4;
const FLOAT32_BYTES = 4;

/**
 * Bytes the networks of a run need, roughly: per rule, every weight matrix of
 * `experiment.layerWidths(config)` in float32, four times (W, its feedback, the update's
 * scratch, the safe copy for a divergence rollback). `rules` is the rule keys run side by
 * side, or their count.
 * @example
 * estimateMemoryBytes(fig2, fig2.defaults, ['bp', 'fa']); // 2 · (30·20 + 20·10) · 4 · 4 = 25600
 */
export function estimateMemoryBytes<C extends object>(
  experiment: Pick<Experiment<C>, 'layerWidths'>,
  config: C,
  rules: number | readonly string[],
): number {
  const widths = experiment.layerWidths(config);
  let weights = 0;
  for (let l = 1; l < widths.length; l++) weights += widths[l - 1] * widths[l];
  const count = typeof rules === 'number' ? rules : rules.length;
  return count * weights * FLOAT32_BYTES * COPIES;
}
