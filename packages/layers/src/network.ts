import { type Backend, formatShape, type Rng, ShapeError, type Tensor } from '@rfa/tensor';
import { ForwardCache } from './forward-cache.js';
import type { Initializer } from './initializers.js';
import type { Layer } from './layer.js';
import { cloneNetwork } from './network-clone.js';
import { buildLayers, type NetworkLayerConfig } from './network-spec.js';

export interface NetworkOptions {
  /** Dense, conv, pooling and flatten layers, input side first (see `NetworkLayerConfig`). */
  layers: readonly NetworkLayerConfig[];
  rng: Rng;
  /** For an image input: [height, width, channels] (NHWC rows); else layers[0].in gives the size. */
  inputShape?: [number, number, number];
  /** Default for layers that name none: U[-0.05, 0.05]. */
  init?: Initializer;
  biasInit?: Initializer;
}

/**
 * A stack of layers, `x → f_0(W_0 x + b_0) → … → g(W_L h + b_L)`: dense layers, and conv
 * layers (each with an optional pooling stage) below them on an image input. Softmax may
 * only be the last layer's activation, and the last layer is dense.
 * @example
 * const net = createNetwork(backend, { rng: new Rng(1), layers: [
 *   { in: 30, out: 20, activation: 'linear' }, { out: 10, activation: 'linear' }] });
 * const cache = net.createCache(1);
 * backend.write(cache.input, x); net.forward(cache);
 */
export class Network {
  readonly layers: Layer[];
  /** What the network was built from (input shape and layer specs), to build another like it. */
  readonly spec: {
    readonly inputShape?: [number, number, number];
    readonly layers: readonly NetworkLayerConfig[];
  };

  constructor(
    readonly backend: Backend,
    options: NetworkOptions,
  ) {
    this.layers = buildLayers(backend, options.layers, options);
    this.spec = {
      ...(options.inputShape ? { inputShape: [...options.inputShape] as [number, number, number] } : {}),
      layers: options.layers.map((l) => ({ ...l })),
    };
  }

  get inputSize(): number {
    return this.layers[0].inputSize;
  }

  get outputSize(): number {
    return this.layers[this.layers.length - 1].outputSize;
  }

  /** Buffers for a forward pass over `batchSize` rows; reuse them every step. */
  createCache(batchSize: number): ForwardCache {
    return new ForwardCache(this.backend, this.layers, batchSize);
  }

  /**
   * Runs the layers on `cache.input`, filling pre, post, derivative and output of every
   * layer. `noise[l]`, when given, is added to layer l's pre-activation (node perturbation).
   */
  forward(cache: ForwardCache, noise?: readonly (Tensor | null)[]): Tensor {
    if (cache.input.shape[1] !== this.inputSize) {
      throw new ShapeError(
        `Network.forward: input ${formatShape(cache.input.shape)} does not fit ${this.inputSize} inputs`,
      );
    }
    this.layers.forEach((layer, l) => {
      layer.run(
        cache.layerInput(l),
        cache.pre[l],
        cache.post[l],
        cache.outputs[l],
        cache.workspaces[l],
        cache.derivative[l] ?? undefined,
        noise?.[l] ?? undefined,
      );
    });
    return cache.output;
  }

  /** A deep copy (weights, biases, masks) on `backend` (default: this one's): see `cloneNetwork`. */
  clone(backend?: Backend): Network {
    return cloneNetwork(this, backend);
  }

  dispose(): void {
    for (const l of this.layers) l.dispose();
  }
}

export function createNetwork(backend: Backend, options: NetworkOptions): Network {
  return new Network(backend, options);
}
