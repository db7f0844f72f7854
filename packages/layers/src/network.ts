import {
  type Activation,
  type Backend,
  formatShape,
  OptionError,
  type Rng,
  ShapeError,
  type Tensor,
} from '@rfa/tensor';
import { DenseLayer, type DenseLayerOptions } from './dense-layer.js';
import { ForwardCache } from './forward-cache.js';
import type { Initializer } from './initializers.js';
import { cloneNetwork } from './network-clone.js';

export interface LayerConfig {
  /** Units in (for the first layer) — later layers may omit it; it must match the layer below. */
  in?: number;
  out: number;
  activation: Activation;
  init?: Initializer;
  biasInit?: Initializer;
  removeFraction?: number;
}

export interface NetworkOptions {
  layers: LayerConfig[];
  rng: Rng;
  /** Default for layers that name none: U[-0.05, 0.05]. */
  init?: Initializer;
  biasInit?: Initializer;
}

/**
 * A stack of dense layers, `x → f_0(W_0 x + b_0) → … → g(W_L h + b_L)`. Softmax
 * may only be the last layer's activation.
 * @example
 * const net = createNetwork(backend, { rng: new Rng(1), layers: [
 *   { in: 30, out: 20, activation: 'linear' }, { out: 10, activation: 'linear' }] });
 * const cache = net.createCache(1);
 * backend.write(cache.input, x); net.forward(cache);
 */
export class Network {
  readonly layers: DenseLayer[];

  constructor(
    readonly backend: Backend,
    options: NetworkOptions,
  ) {
    if (!options.layers?.length) throw new OptionError('Network: layers must list at least one layer');
    this.layers = [];
    let inputSize = options.layers[0].in;
    if (inputSize === undefined) throw new OptionError('Network: layers[0].in (the input size) is required');
    options.layers.forEach((cfg, i) => {
      if (cfg.in !== undefined && cfg.in !== inputSize) {
        throw new ShapeError(
          `Network: layers[${i}].in is ${cfg.in} but the layer below has ${inputSize} outputs`,
        );
      }
      if (cfg.activation === 'softmax' && i !== options.layers.length - 1) {
        throw new OptionError(`Network: softmax is only allowed on the last layer (layers[${i}])`);
      }
      const layerOptions: DenseLayerOptions = {
        init: cfg.init ?? options.init,
        biasInit: cfg.biasInit ?? options.biasInit,
        removeFraction: cfg.removeFraction,
      };
      this.layers.push(
        new DenseLayer(
          backend,
          { inputSize: inputSize!, outputSize: cfg.out, activation: cfg.activation },
          options.rng,
          layerOptions,
        ),
      );
      inputSize = cfg.out;
    });
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
   * Runs the layers on `cache.input`, filling pre, post and derivative of every
   * layer. `noise[l]`, when given, is added to layer l's pre-activation (node perturbation).
   */
  forward(cache: ForwardCache, noise?: readonly (Tensor | null)[]): Tensor {
    if (cache.input.shape[1] !== this.inputSize) {
      throw new ShapeError(
        `Network.forward: input ${formatShape(cache.input.shape)} does not fit ${this.inputSize} inputs`,
      );
    }
    this.layers.forEach((layer, l) => {
      layer.forward(
        cache.layerInput(l),
        cache.pre[l],
        cache.post[l],
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
