import { LengthError, OptionError, type Rng } from '@rfa/tensor';
import type { SpikingNetwork } from './spiking-network.js';

/** What the loops need of a data set (`@rfa/datasets`' `Dataset` fits). */
export interface LabelledSet {
  /** count × inputSize values, row-major. */
  readonly inputs: Float32Array;
  readonly labels?: Uint8Array;
  readonly count: number;
  readonly inputSize: number;
}

function check(op: string, net: SpikingNetwork, set: LabelledSet): Uint8Array {
  if (set.inputSize !== net.inputSize) {
    throw new LengthError(
      `${op}: data set rows have ${set.inputSize} values, the network takes ${net.inputSize}`,
    );
  }
  if (set.inputs.length < set.count * set.inputSize) {
    throw new LengthError(
      `${op}: inputs hold ${set.inputs.length} values, count·inputSize needs ${set.count * set.inputSize}`,
    );
  }
  if (!set.labels || set.labels.length < set.count) {
    throw new OptionError(`${op}: data set needs labels, one per example (${set.count})`);
  }
  return set.labels;
}

/**
 * Fills `rows` batch slots with examples `order[start..]`; slots past the end
 * repeat the last example (their guesses are ignored; in training it is seen again).
 */
function gather(set: LabelledSet, order: ArrayLike<number>, start: number, x: Float32Array, y: Uint8Array) {
  const rows = y.length;
  const n = set.inputSize;
  for (let r = 0; r < rows; r++) {
    const e = order[Math.min(start + r, order.length - 1)];
    x.set(set.inputs.subarray(e * n, (e + 1) * n), r * n);
    y[r] = (set.labels as Uint8Array)[e];
  }
}

/**
 * Test error: the fraction of `set` (or its first `limit` examples) that
 * `predict` misclassifies, `parallel` examples at a time.
 * @example
 * const error = await evaluate(net, mnist.test); // 0.068 = 6.8 %
 */
export async function evaluate(net: SpikingNetwork, set: LabelledSet, limit = set.count): Promise<number> {
  const labels = check('evaluate', net, set);
  const count = Math.min(limit, set.count);
  if (count === 0) throw new OptionError('evaluate: no examples to evaluate');
  const P = net.options.parallel;
  const x = new Float32Array(P * set.inputSize);
  const y = new Uint8Array(P);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  let wrong = 0;
  for (let start = 0; start < count; start += P) {
    gather(set, order, start, x, y);
    const guess = await net.predict(x);
    for (let r = 0; r < P && start + r < count; r++) if (guess[r] !== labels[start + r]) wrong++;
  }
  return wrong / count;
}

/**
 * One pass of online training over `set`, `parallel` examples at a time, each
 * shown for `stepsPerExample` steps. With `shuffle`, the order is drawn from it.
 * @example
 * trainEpoch(net, mnist.train, { shuffle: new Rng(3) });
 */
export function trainEpoch(
  net: SpikingNetwork,
  set: LabelledSet,
  opts: { shuffle?: Rng; limit?: number } = {},
): void {
  check('trainEpoch', net, set);
  const count = Math.min(opts.limit ?? set.count, set.count);
  const all = Uint32Array.from({ length: set.count }, (_, i) => i);
  opts.shuffle?.shuffle(all);
  const order = all.subarray(0, count);
  const P = net.options.parallel;
  const x = new Float32Array(P * set.inputSize);
  const y = new Uint8Array(P);
  for (let start = 0; start < count; start += P) {
    gather(set, order, start, x, y);
    net.trainExample(x, y);
  }
}
