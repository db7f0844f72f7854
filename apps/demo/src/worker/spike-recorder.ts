import type { SpikingNetwork } from '@rfa/spiking';

/** One simulation step of the first image slot, as the raster and the traces show it. */
export interface SpikeFrame {
  /** Sampled first-hidden-layer units that spiked (indices into the sample). */
  hidden: number[];
  /** Sampled output units that spiked (indices into the sample; grouped by class). */
  output: number[];
  /** Forward potential V of the traced hidden unit. */
  potential: number;
  /** Its feedback signal: phi_delta(U), the modulator of its plasticity. */
  feedback: number;
}

/** Which units the raster shows. */
export interface RasterSample {
  hiddenUnits: number;
  /** Output units per class shown (of `unitsPerClass`). */
  outputPerClass: number;
}

/**
 * Records the spiking network's steps for the raster of Fig. 4: the spikes of sampled
 * hidden and output units and one hidden unit's potential and feedback, for the first of
 * the images shown side by side. Hook `record` to the network's `onStep`; `drain` takes
 * the frames recorded since the last call (at most `keep`).
 */
export class SpikeRecorder {
  private frames: SpikeFrame[] = [];

  constructor(
    readonly sample: RasterSample = { hiddenUnits: 40, outputPerClass: 6 },
    private readonly keep = 600,
  ) {}

  /** The output units drawn, in raster order (class by class). */
  outputUnits(net: SpikingNetwork): number[] {
    const { classes, unitsPerClass } = net.options;
    const per = Math.min(this.sample.outputPerClass, unitsPerClass);
    const units: number[] = [];
    for (let c = 0; c < classes; c++) for (let j = 0; j < per; j++) units.push(c * unitsPerClass + j);
    return units;
  }

  record = (net: SpikingNetwork): void => {
    if (!net.backend.canReadSync) return;
    const first = net.layers[0];
    const out = net.layers[net.layers.length - 1];
    const hiddenN = Math.min(this.sample.hiddenUnits, first.spikes.shape[1]);
    const hs = first.spikes.readSync();
    const os = out.spikes.readSync();
    const hidden: number[] = [];
    for (let i = 0; i < hiddenN; i++) if (hs[i] > 0) hidden.push(i);
    const output: number[] = [];
    this.outputUnits(net).forEach((u, i) => {
      if (os[u] > 0) output.push(i);
    });
    this.frames.push({
      hidden,
      output,
      potential: first.potential.readSync()[0],
      feedback: first.modulator.readSync()[0],
    });
    if (this.frames.length > this.keep) this.frames.splice(0, this.frames.length - this.keep);
  };

  drain(): SpikeFrame[] {
    const f = this.frames;
    this.frames = [];
    return f;
  }
}
