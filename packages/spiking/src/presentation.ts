import { type Backend, LengthError, OptionError, ShapeError, type Tensor } from '@rfa/tensor';
import type { NetworkTensors } from './network-tensors.js';
import type { ResolvedSpikingOptions } from './options.js';

/** Duck-typed, so a tensor from another copy of @rfa/tensor (ESM vs CJS build) still counts. */
const isTensor = (x: unknown): x is Tensor =>
  typeof x === 'object' &&
  x !== null &&
  Array.isArray((x as Tensor).shape) &&
  typeof (x as Tensor).dispose === 'function';

/** A batch of inputs: host values (row-major [parallel, inputSize], pixels in [0, 1]) or a tensor of that shape. */
export type BatchInputs = ArrayLike<number> | Tensor;

/** Labels per row (class indices), or a tensor of targets y* [parallel, outputs]. */
export type BatchTargets = ArrayLike<number> | Tensor;

/** Sets the input spike probabilities min(max(x, 0), inputClamp) for the next steps. */
export function presentInputs(
  op: string,
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
  x: BatchInputs,
) {
  const p = net.inputProbability;
  if (isTensor(x)) {
    if (x.shape.length !== 2 || x.shape[0] !== p.shape[0] || x.shape[1] !== p.shape[1]) {
      throw new ShapeError(
        `${op}: inputs tensor has shape [${x.shape.join(',')}], needs [${p.shape.join(',')}]`,
      );
    }
    backend.clamp(p, x, 0, o.inputClamp);
    return;
  }
  if (x.length !== p.size) {
    throw new LengthError(
      `${op}: inputs hold ${x.length} values, need ${p.shape[0]}·${p.shape[1]} = ${p.size}`,
    );
  }
  backend.write(p, x);
  backend.clamp(p, p, 0, o.inputClamp);
}

/**
 * Sets y*: 1 on the `unitsPerClass` output units of each row's class, 0 elsewhere.
 * `host` is a preallocated [parallel · outputs] buffer, so this allocates nothing.
 */
export function presentTargets(
  op: string,
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
  targets: BatchTargets,
  host: Float32Array,
) {
  const t = net.targets;
  if (isTensor(targets)) {
    if (targets.shape.length !== 2 || targets.shape[0] !== t.shape[0] || targets.shape[1] !== t.shape[1]) {
      throw new ShapeError(
        `${op}: targets tensor has shape [${targets.shape.join(',')}], needs [${t.shape.join(',')}]`,
      );
    }
    backend.copy(t, targets);
    return;
  }
  if (targets.length !== o.parallel) {
    throw new LengthError(`${op}: got ${targets.length} labels, need one per parallel row (${o.parallel})`);
  }
  const outputs = t.shape[1];
  host.fill(0);
  for (let r = 0; r < o.parallel; r++) {
    const c = targets[r];
    if (!Number.isInteger(c) || c < 0 || c >= o.classes) {
      throw new OptionError(
        `${op}: label ${String(c)} in row ${r} is not a class index in [0, ${o.classes})`,
      );
    }
    host.fill(1, r * outputs + c * o.unitsPerClass, r * outputs + (c + 1) * o.unitsPerClass);
  }
  backend.write(t, host);
}
