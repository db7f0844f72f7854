import { type Backend, Rng, type Tensor } from '@rfa/tensor';
import { zerosInit } from './initializers.js';
import type { Network, NetworkOptions } from './network.js';

/** dst ← src: a device copy on one backend, through host memory between two. */
function copyInto(dst: Tensor, src: Tensor): void {
  if (dst.backend === src.backend) dst.backend.copy(dst, src);
  else dst.backend.write(dst, src.readSync());
}

/**
 * A network with the same layers as `source` and copies of its weights, biases and
 * connectivity masks, on `backend` (default: the source's). The copy shares no tensor
 * with the source: training either leaves the other as it was. Between two backends the
 * values pass through host memory with `readSync`, so the source's backend must read
 * synchronously (the CPU backend and gpu.js do; WebGPU throws `UnsupportedError`).
 * @example
 * const frozen = cloneNetwork(trainer.network);            // same backend
 * const onCpu = cloneNetwork(trainer.network, cpuBackend);  // another one
 */
export function cloneNetwork(source: Network, backend: Backend = source.backend): Network {
  // the source's own class: network.ts delegates `clone` here, so this file imports it as a type only
  const NetworkClass = source.constructor as new (backend: Backend, options: NetworkOptions) => Network;
  const copy = new NetworkClass(backend, {
    // the source's own spec (conv and pooling included); nothing drawn survives: weights and
    // biases start at zero and are copied over, a drawn mask is overwritten by the source's
    ...source.spec,
    rng: new Rng(0),
    init: zerosInit(),
    biasInit: zerosInit(),
  });
  source.layers.forEach((from, i) => {
    const to = copy.layers[i];
    copyInto(to.weights, from.weights);
    copyInto(to.bias, from.bias);
    if (from.mask && to.mask) copyInto(to.mask, from.mask);
  });
  return copy;
}
