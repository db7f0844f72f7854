export {
  ConvLayer,
  type ConvLayerSpec,
  type Padding,
  type PoolOptions,
} from './conv-layer.js';
export { ConvWorkspace } from './conv-workspace.js';
export { DenseLayer, type DenseLayerOptions, type DenseLayerSpec } from './dense-layer.js';
export { ForwardCache } from './forward-cache.js';
export {
  heInit,
  type Initializer,
  initialize,
  normalInit,
  uniformInit,
  xavierInit,
  zerosInit,
} from './initializers.js';
export type { Layer } from './layer.js';
export { applyMask, connectivityMask } from './masks.js';
export { createNetwork, Network, type NetworkOptions } from './network.js';
export { cloneNetwork } from './network-clone.js';
export type {
  ConvLayerConfig,
  FlattenLayerConfig,
  LayerConfig,
  NetworkLayerConfig,
  PoolLayerConfig,
} from './network-spec.js';
