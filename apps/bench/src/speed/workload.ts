import { Rng } from '@rfa/tensor';
import { CliError } from '../cli-error.js';

/** Parses '784-1000-10' into layer sizes: at least an input and an output, all positive integers. */
export function parseLayers(text: string): number[] {
  const sizes = text.split('-').map((s) => Number(s));
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new CliError(
      `--layers must be sizes joined by '-' (at least two positive integers, e.g. 784-1000-10), got '${text}'`,
    );
  }
  return sizes;
}

/** A fixed block of MNIST-like examples: inputs U[0, 1], one-hot targets; made once, outside any timing. */
export interface ExampleBlock {
  rows: number;
  inputSize: number;
  outputSize: number;
  inputs: Float32Array;
  targets: Float32Array;
}

export function makeExampleBlock(
  inputSize: number,
  outputSize: number,
  rows: number,
  seed: number,
): ExampleBlock {
  const rng = new Rng(seed);
  const inputs = new Float32Array(rows * inputSize);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.uniform();
  const targets = new Float32Array(rows * outputSize);
  for (let r = 0; r < rows; r++) targets[r * outputSize + rng.int(outputSize)] = 1;
  return { rows, inputSize, outputSize, inputs, targets };
}

/** Walks the block batch by batch, wrapping around; hands out views, never copies. */
export class BatchCursor {
  private next = 0;
  private readonly batches: number;

  constructor(
    private readonly block: ExampleBlock,
    readonly batch: number,
  ) {
    if (batch > block.rows)
      throw new CliError(`batch ${batch} is larger than the example block (${block.rows} rows)`);
    this.batches = Math.floor(block.rows / batch);
  }

  take(): { inputs: Float32Array; targets: Float32Array } {
    const start = this.next * this.batch;
    this.next = (this.next + 1) % this.batches;
    const { inputSize, outputSize, inputs, targets } = this.block;
    return {
      inputs: inputs.subarray(start * inputSize, (start + this.batch) * inputSize),
      targets: targets.subarray(start * outputSize, (start + this.batch) * outputSize),
    };
  }
}
