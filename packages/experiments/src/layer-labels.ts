import type { Experiment } from './experiment.js';

/**
 * A short description of each layer of the network a config builds, input first, for a
 * diagram's columns: the definition's own `layerLabels` where it has them (LeNet's
 * 'conv 5×5×6'), else '784 in', '500 hidden', '10 out' from `layerWidths`.
 * @example
 * layerLabels(fig3a, fig3a.defaults); // ['784 in', '1000 hidden', '10 out']
 */
export function layerLabels<C extends object>(
  experiment: Pick<Experiment<C>, 'id' | 'layerWidths' | 'layerLabels'>,
  config: C,
): string[] {
  const widths = experiment.layerWidths(config);
  const own = experiment.layerLabels?.(config);
  if (own) {
    if (own.length !== widths.length || own.some((l) => typeof l !== 'string' || l.trim() === ''))
      throw new RangeError(
        `layerLabels: ${experiment.id} gives ${own.length} labels for ${widths.length} layers, or an empty one`,
      );
    return own;
  }
  const last = widths.length - 1;
  return widths.map((w, i) => (i === 0 ? `${w} in` : i === last ? `${w} out` : `${w} hidden`));
}
