import type { RunModel } from '@rfa/experiments';
import type { Network } from '@rfa/layers';
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

  private first(rule: string): Tensor | null {
    const m = this.live.get(rule);
    if (m?.kind === 'trainer') return m.trainer.network.layers[0].weights;
    if (m?.kind === 'spiking') return m.network.layers[0].weights;
    return this.frozen.get(rule)?.layers[0].weights ?? null;
  }

  /** The first `units` rows of each rule's first-layer weights whose input is 28×28, as tiles. */
  async tiles(units: number): Promise<{ rule: string; units: number; pixels: Float32Array }[]> {
    const out = [];
    for (const rule of new Set([...this.live.keys(), ...this.frozen.keys()])) {
      const w = this.first(rule);
      if (w?.shape[1] !== 784) continue;
      const n = Math.min(units, w.shape[0]);
      out.push({ rule, units: n, pixels: (await read(w)).slice(0, n * 784) });
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
