import { heInit, type Initializer, type NetworkLayerConfig } from '@rfa/layers';
import type { Loss } from '@rfa/learning-rules';
import { lenetDefaults, lenetLayers } from '../definitions/lenet.js';

/** An image network for the speed race: NHWC input rows, a layer list, its loss and initialiser. */
export interface ImageWorkload {
  /** Short name for tables and JSON rows ('lenet'). */
  name: string;
  inputShape: [number, number, number];
  layers: readonly NetworkLayerConfig[];
  loss: Loss;
  init: Initializer;
}

/**
 * The LeNet of the `lenet-mnist` experiment, layer list and all (its default hidden
 * activation, tanh), on 28 × 28 × 1 inputs with softmax cross-entropy and He-normal weights.
 */
export function lenetWorkload(): ImageWorkload {
  return {
    name: 'lenet',
    inputShape: [28, 28, 1],
    layers: lenetLayers(lenetDefaults.hiddenActivation),
    loss: 'softmax-ce',
    init: heInit(),
  };
}
