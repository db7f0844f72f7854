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
export { applyMask, connectivityMask } from './masks.js';
export { createNetwork, type LayerConfig, Network, type NetworkOptions } from './network.js';
export { cloneNetwork } from './network-clone.js';
