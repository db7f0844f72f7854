import type { SpikeTrace } from '@rfa/spiking';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from './plot.js';

/**
 * Fig. 4's picture of one stretch of training: the spike raster of the sampled units of
 * every layer (one row per unit, layers stacked, output units class by class) above the
 * traced hidden neuron's potential and modulatory signal.
 */
export async function traceSvg(title: string, trace: SpikeTrace): Promise<string> {
  const spikes: { step: number; row: number; layer: string }[] = [];
  let offset = 0;
  const last = trace.layers.length - 1;
  trace.layers.forEach((entry, i) => {
    const name = i === last ? 'output' : `hidden ${entry.layer + 1}`;
    entry.spikes.forEach((fired, t) => {
      for (const k of fired) spikes.push({ step: t + 1, row: offset + k, layer: name });
    });
    offset += entry.units.length + 5;
  });
  const lines = trace.potential.flatMap((v, t) => [
    { step: t + 1, value: v, signal: 'potential V' },
    { step: t + 1, value: trace.modulator[t], signal: 'modulator φ(U)' },
  ]);
  const x = { field: 'step', type: 'quantitative' as const, title: 'time step' };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    resolve: { scale: { color: 'independent' } },
    vconcat: [
      {
        width: 520,
        height: 260,
        data: { values: spikes },
        mark: { type: 'tick', orient: 'horizontal', thickness: 1.5 },
        encoding: {
          x,
          y: { field: 'row', type: 'quantitative', title: 'unit (sampled)', scale: { reverse: true } },
          color: {
            field: 'layer',
            type: 'nominal',
            scale: { range: ['#0072B2', '#009E73', '#CC79A7', '#D55E00'] },
          },
        },
      },
      {
        width: 520,
        height: 120,
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            title: `neuron ${trace.neuron.unit} of hidden ${trace.neuron.layer + 1}`,
          },
          color: { field: 'signal', type: 'nominal', scale: { range: ['#000000', '#E69F00'] } },
        },
      },
    ],
  } as TopLevelSpec;
  return renderSvg(spec);
}
