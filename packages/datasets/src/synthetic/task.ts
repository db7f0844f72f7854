import { LengthError, OptionError, type Rng } from '@rfa/tensor';
import { createDataset, type Dataset } from '../dataset.js';

/**
 * A synthetic regression task of the paper: an endless seeded stream of examples
 * (`sample`) and a fixed held-out set (`heldOut`) for measuring NSE. One seed fixes the
 * task's parameters, the held-out set and the stream, each from its own fork of
 * `new Rng(seed)`, so drawing from the stream never changes the held-out set.
 */
export interface SyntheticTask {
  readonly name: string;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Fixed examples, drawn once from their own fork of the seed. */
  readonly heldOut: Dataset;
  /** The stream's generator; `getState()`/`setState()` checkpoint and replay it. */
  readonly rng: Rng;
  /**
   * The next `batchSize` examples of the stream (`batchSize × inputSize` inputs and their
   * targets). With `into`, its two blocks (of exactly those lengths) are filled and reused.
   */
  sample(batchSize: number, into?: { inputs: Float32Array; targets: Float32Array }): Dataset;
  /** The target function on `count` rows of `inputs`, computed in float64, stored as float32. */
  evaluate(inputs: Float32Array, count: number, into?: Float32Array): Float32Array;
}

/** What each task supplies: how to draw one input row and how to map it to its target row. */
export interface TaskSpec {
  name: string;
  inputSize: number;
  outputSize: number;
  heldOutSize: number;
  drawInput(rng: Rng, x: Float32Array, offset: number): void;
  /** Writes the target of the input row at `x[xOffset..]` into `y[yOffset..]`. */
  target(x: Float32Array, xOffset: number, y: Float32Array, yOffset: number): void;
}

/** Checks a size option: a positive integer. */
export function checkSize(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new OptionError(`${what} must be a positive integer, got ${value}`);
  return value;
}

/** Fills a block with U[-range, range) draws: the paper's weight initialisation. */
export function uniformBlock(rng: Rng, length: number, range: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.uniformIn(-range, range);
  return out;
}

/** Assembles a task from its spec; `root` has already given its first fork to the parameters. */
export function makeTask(spec: TaskSpec, root: Rng): SyntheticTask {
  const { name, inputSize, outputSize } = spec;
  checkSize(`${name}: heldOutSize`, spec.heldOutSize);
  const heldOutRng = root.fork();
  const rng = root.fork();

  const evaluate = (inputs: Float32Array, count: number, into?: Float32Array): Float32Array => {
    const out = into ?? new Float32Array(count * outputSize);
    if (inputs.length < count * inputSize || out.length < count * outputSize) {
      throw new LengthError(
        `${name}.evaluate: ${count} rows need ${count * inputSize} inputs and ${count * outputSize} outputs`,
      );
    }
    for (let t = 0; t < count; t++) spec.target(inputs, t * inputSize, out, t * outputSize);
    return out;
  };

  const draw = (
    source: Rng,
    count: number,
    into?: { inputs: Float32Array; targets: Float32Array },
  ): Dataset => {
    checkSize(`${name}.sample: batchSize`, count);
    const inputs = into?.inputs ?? new Float32Array(count * inputSize);
    const targets = into?.targets ?? new Float32Array(count * outputSize);
    if (inputs.length !== count * inputSize || targets.length !== count * outputSize) {
      throw new LengthError(
        `${name}.sample: into must hold ${count * inputSize} inputs and ${count * outputSize} targets, got ${inputs.length} and ${targets.length}`,
      );
    }
    for (let t = 0; t < count; t++) spec.drawInput(source, inputs, t * inputSize);
    evaluate(inputs, count, targets);
    return createDataset({ inputs, targets, inputSize, targetSize: outputSize });
  };

  const heldOut = draw(heldOutRng, spec.heldOutSize);
  return { name, inputSize, outputSize, heldOut, rng, sample: (n, into) => draw(rng, n, into), evaluate };
}
