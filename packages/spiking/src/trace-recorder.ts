import { OptionError, Rng } from '@rfa/tensor';
import type { SpikingNetwork } from './spiking-network.js';

/** Which units a recorder follows. */
export interface TraceOptions {
  /** Hidden units sampled per hidden layer (default 50, or all when fewer). */
  unitsPerLayer?: number;
  /** Output units shown per class (default 10). */
  outputPerClass?: number;
  /** The hidden neuron whose potential and modulator are traced (default layer 0, unit 0). */
  neuron?: { layer: number; unit: number };
  /** Draws the sampled hidden units (default `new Rng(0)`). */
  rng?: Rng;
}

/** Spikes and traces of the first image slot over the steps recorded. */
export interface SpikeTrace {
  /** Per layer shown (hidden layers, then the output layer): its sampled units and, per step, which of them spiked (indices into `units`). */
  layers: { layer: number; units: number[]; spikes: number[][] }[];
  neuron: { layer: number; unit: number };
  /** The traced neuron's forward potential V, per step. */
  potential: number[];
  /** Its modulatory signal phi(U) (its feedback), per step. */
  modulator: number[];
}

/**
 * Records Fig. 4's traces while the network trains: spike rasters of sampled units of every
 * hidden layer and of the output units (class by class), and one hidden neuron's potential
 * with its modulatory signal, for the first image slot. Hook it with
 * `net.onStep = recorder.record` while recording and `null` otherwise: an unrecorded run
 * pays nothing. Needs a backend that reads synchronously (the CPU backend).
 * @example
 * const rec = new TraceRecorder(net);
 * net.onStep = rec.record; net.trainExample(x, labels); net.onStep = null;
 * const trace = rec.take();
 */
export class TraceRecorder {
  private trace: SpikeTrace;

  constructor(net: SpikingNetwork, options: TraceOptions = {}) {
    if (!net.backend.canReadSync)
      throw new OptionError('TraceRecorder: the backend cannot read synchronously (use the CPU backend)');
    const rng = options.rng ?? new Rng(0);
    const perLayer = options.unitsPerLayer ?? 50;
    const L = net.layers.length;
    const layers = net.layers.map((layer, l) => {
      const n = layer.spikes.shape[1];
      if (l === L - 1) {
        const { classes, unitsPerClass } = net.options;
        const per = Math.min(options.outputPerClass ?? 10, unitsPerClass);
        const units = Array.from(
          { length: classes * per },
          (_, i) => Math.floor(i / per) * unitsPerClass + (i % per),
        );
        return { layer: l, units, spikes: [] as number[][] };
      }
      const all = Uint32Array.from({ length: n }, (_, i) => i);
      rng.shuffle(all);
      const units = Array.from(all.subarray(0, Math.min(perLayer, n))).sort((a, b) => a - b);
      return { layer: l, units, spikes: [] as number[][] };
    });
    const neuron = options.neuron ?? { layer: 0, unit: 0 };
    if (
      neuron.layer < 0 ||
      neuron.layer >= L - 1 ||
      neuron.unit < 0 ||
      neuron.unit >= net.layers[neuron.layer].spikes.shape[1]
    )
      throw new OptionError(
        `TraceRecorder: neuron ${JSON.stringify(neuron)} is not a hidden unit of this network`,
      );
    this.trace = { layers, neuron, potential: [], modulator: [] };
  }

  /** Records the step that just ran (pass as `onStep`). */
  record = (net: SpikingNetwork): void => {
    for (const entry of this.trace.layers) {
      const s = net.layers[entry.layer].spikes.readSync(); // row 0 is the first image slot
      const fired: number[] = [];
      entry.units.forEach((u, i) => {
        if (s[u] > 0) fired.push(i);
      });
      entry.spikes.push(fired);
    }
    const { layer, unit } = this.trace.neuron;
    this.trace.potential.push(net.layers[layer].potential.readSync()[unit]);
    this.trace.modulator.push(net.layers[layer].modulator.readSync()[unit]);
  };

  /** The trace so far, without ending it (for checkpoints). */
  peek(): SpikeTrace {
    return structuredClone(this.trace);
  }

  /** Continues a trace from `peek()` (a resumed run; the units must be the same). */
  resume(trace: SpikeTrace): void {
    const same = trace.layers.every(
      (l, i) => JSON.stringify(l.units) === JSON.stringify(this.trace.layers[i]?.units),
    );
    if (!same || trace.layers.length !== this.trace.layers.length)
      throw new OptionError('TraceRecorder.resume: the trace follows other units than this recorder');
    this.trace = structuredClone(trace);
  }

  /** The trace so far; the recorder starts a new one with the same units. */
  take(): SpikeTrace {
    const t = this.trace;
    this.trace = {
      layers: t.layers.map((e) => ({ layer: e.layer, units: e.units, spikes: [] })),
      neuron: t.neuron,
      potential: [],
      modulator: [],
    };
    return t;
  }
}
