import type { RunModel } from '@rfa/experiments';
import { ConvLayer, type Network } from '@rfa/layers';
import type { Tensor } from '@rfa/tensor';

/** One rule's answer for a drawn digit: the output units and the class it picks. */
export interface RuleGuess {
  rule: string;
  outputs: number[];
  guess: number;
}

const read = (t: Tensor): Promise<Float32Array> =>
  t.backend.canReadSync ? Promise.resolve(t.readSync()) : t.read();

/**
 * The models of a run, by rule, as `onModel` hands them over: live while they train, and
 * for trainer runs a frozen copy of the network once the run ends, so a digit can still be
 * guessed. Read only; nothing here steps a model.
 */
export class LiveModels {
  private readonly live = new Map<string, RunModel>();
  private readonly frozen = new Map<string, Network>();

  /** `onModel`'s handler. */
  set(rule: string, model: RunModel | null): void {
    const was = this.live.get(rule);
    if (model) {
      this.frozen.get(rule)?.dispose();
      this.frozen.delete(rule);
      this.live.set(rule, model);
      return;
    }
    this.live.delete(rule);
    if (was?.kind === 'trainer') this.frozen.set(rule, was.trainer.network.clone());
  }

  private firstLayer(rule: string): { weights: Tensor } | null {
    const m = this.live.get(rule);
    if (m?.kind === 'trainer') return m.trainer.network.layers[0];
    if (m?.kind === 'spiking') return m.network.layers[0];
    return this.frozen.get(rule)?.layers[0] ?? null;
  }

  /**
   * The first `units` rows of each rule's first-layer weights, as tiles: a dense layer's rows
   * when its input is 28×28, a conv layer's kernels when it reads one channel (LeNet's 5×5).
   */
  async tiles(units: number): Promise<
    {
      rule: string;
      kind: 'dense' | 'conv';
      units: number;
      pixels: Float32Array;
      tileW: number;
      tileH: number;
    }[]
  > {
    const out = [];
    for (const rule of new Set([...this.live.keys(), ...this.frozen.keys()])) {
      const layer = this.firstLayer(rule);
      const shape = layer && tileShape(layer);
      if (!layer || !shape) continue;
      const w = layer.weights;
      const size = shape[0] * shape[1];
      const n = Math.min(units, w.shape[0]);
      out.push({
        rule,
        kind: layer instanceof ConvLayer ? ('conv' as const) : ('dense' as const),
        units: n,
        pixels: (await read(w)).slice(0, n * size),
        tileW: shape[0],
        tileH: shape[1],
      });
    }
    return out;
  }

  private network(rule: string): Network | null {
    const m = this.live.get(rule);
    return m?.kind === 'trainer' ? m.trainer.network : (this.frozen.get(rule) ?? null);
  }

  /** Each dense network's outputs and class for one image (784 values in [0, 1]). */
  async guess(pixels: Float32Array): Promise<RuleGuess[]> {
    const out: RuleGuess[] = [];
    for (const rule of new Set([...this.live.keys(), ...this.frozen.keys()])) {
      const net = this.network(rule);
      if (!net || net.inputSize !== pixels.length) continue;
      // a cache of its own: the trainer's buffers stay as they are
      const cache = net.createCache(1);
      try {
        net.backend.write(cache.input, pixels);
        const outputs = Array.from(await read(net.forward(cache)));
        out.push({ rule, outputs, guess: outputs.indexOf(Math.max(...outputs)) });
      } finally {
        cache.dispose();
      }
    }
    return out;
  }

  /** Forgets every model and frees the frozen copies. */
  clear(): void {
    for (const n of this.frozen.values()) n.dispose();
    this.frozen.clear();
    this.live.clear();
  }
}

/** [width, height] of one tile of a first layer's weights, or null when they are not images. */
function tileShape(layer: { weights: Tensor }): [number, number] | null {
  if (layer instanceof ConvLayer)
    return layer.geometry.channels === 1 ? [layer.geometry.kernelWidth, layer.geometry.kernelHeight] : null;
  return layer.weights.shape[1] === 784 ? [28, 28] : null;
}
