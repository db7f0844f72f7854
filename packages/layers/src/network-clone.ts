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
    // nothing is drawn that survives: weights and biases start at zero, masks are overwritten below
    rng: new Rng(0),
    init: zerosInit(),
    biasInit: zerosInit(),
    layers: source.layers.map((l) => ({
      in: l.inputSize,
      out: l.outputSize,
      activation: l.activation,
      // a layer with a mask gets a mask tensor to copy into (its drawn zeros are overwritten)
      removeFraction: l.mask ? 1 : 0,
    })),
  });
  source.layers.forEach((from, i) => {
    const to = copy.layers[i];
    copyInto(to.weights, from.weights);
    copyInto(to.bias, from.bias);
    if (from.mask && to.mask) copyInto(to.mask, from.mask);
  });
  return copy;
}
