import type { SpikeTrace } from '@rfa/spiking';
import { describe, expect, it } from 'vitest';
import { appendTrace, traceSteps } from './trace-window.js';

const trace = (from: number, steps: number): SpikeTrace => ({
  neuron: { layer: 0, unit: 0 },
  layers: [
    { layer: 0, units: [3, 7], spikes: Array.from({ length: steps }, (_, i) => [(from + i) % 2]) },
    { layer: 1, units: [0, 1, 2], spikes: Array.from({ length: steps }, () => []) },
  ],
  potential: Array.from({ length: steps }, (_, i) => from + i),
  modulator: Array.from({ length: steps }, (_, i) => -(from + i)),
});

describe('appendTrace', () => {
  it('joins later steps of the same units and keeps the last `keep` of them', () => {
    const a = trace(0, 4);
    const joined = appendTrace(appendTrace(null, a, 5), trace(4, 3), 5);
    expect(traceSteps(joined)).toBe(5);
    expect(joined.potential).toEqual([2, 3, 4, 5, 6]);
    expect(joined.modulator).toEqual([-2, -3, -4, -5, -6]);
    expect(joined.layers.map((l) => l.spikes.length)).toEqual([5, 5]);
    expect(joined.layers[0].spikes).toEqual([[0], [1], [0], [1], [0]]);
    expect(joined.layers[0].units).toEqual([3, 7]);
    expect(a.potential).toHaveLength(4); // inputs untouched
  });
});
