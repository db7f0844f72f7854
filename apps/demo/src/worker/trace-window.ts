import type { SpikeTrace } from '@rfa/spiking';

/** Steps the raster shows (and the most a message carries). */
export const RASTER_WINDOW = 300;

/** The number of steps a trace holds. */
export const traceSteps = (t: SpikeTrace): number => t.potential.length;

/**
 * `into` followed by `more` (the same units, later steps), keeping the last `keep` steps:
 * how the worker gathers `TraceRecorder.take()`s between messages and the page its window.
 * Returns a new trace; neither argument changes.
 */
export function appendTrace(into: SpikeTrace | null, more: SpikeTrace, keep: number): SpikeTrace {
  // copies at most `keep` entries however long either part is
  const tail = <T>(a: T[], b: T[]) =>
    b.length >= keep ? b.slice(-keep) : a.slice(-(keep - b.length)).concat(b);
  return {
    neuron: more.neuron,
    layers: more.layers.map((l, i) => ({
      layer: l.layer,
      units: l.units,
      spikes: tail(into?.layers[i]?.spikes ?? [], l.spikes),
    })),
    potential: tail(into?.potential ?? [], more.potential),
    modulator: tail(into?.modulator ?? [], more.modulator),
  };
}
