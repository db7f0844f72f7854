import type { Trainer } from '@rfa/learning-rules';
import type { Tensor } from '@rfa/tensor';

/** A trainer's tensor under its checkpoint name. */
export interface NamedTensor {
  /** 'layers.0.weights', 'layers.0.bias', 'layers.0.mask', 'feedback.1', 'optimizer.0.1', ... */
  name: string;
  tensor: Tensor;
}

/**
 * Every tensor that makes up a trainer's learnt state, in a fixed order: per layer
 * weights, bias and (when the layer has one) its connectivity mask; the rule's
 * feedback matrices by layer; the optimiser's buffers by layer and index.
 */
export function trainerTensors(trainer: Trainer): NamedTensor[] {
  const named: NamedTensor[] = [];
  trainer.network.layers.forEach((layer, l) => {
    named.push({ name: `layers.${l}.weights`, tensor: layer.weights });
    named.push({ name: `layers.${l}.bias`, tensor: layer.bias });
    if (layer.mask) named.push({ name: `layers.${l}.mask`, tensor: layer.mask });
  });
  for (const f of trainer.rule.feedback()) named.push({ name: `feedback.${f.layer}`, tensor: f.tensor });
  trainer.optimizerState().forEach((buffers, l) => {
    for (const [k, tensor] of buffers.entries()) named.push({ name: `optimizer.${l}.${k}`, tensor });
  });
  return named;
}
