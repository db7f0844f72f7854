import { Rng } from '@rfa/tensor';
import { ConfigError } from '../errors.js';

/** A fixed block of MNIST-like examples: inputs U[0, 1], one-hot targets; made once, outside any timing. */
export interface ExampleBlock {
  rows: number;
  inputSize: number;
  outputSize: number;
  inputs: Float32Array;
  targets: Float32Array;
}

/** Draws the block from `seed`: the same seed gives the same block in every engine. */
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

/** Walks the block batch by batch, wrapping around and dropping a ragged tail; hands out views, never copies. */
export class BatchCursor {
  private next = 0;
  private readonly batches: number;

  constructor(
    private readonly block: ExampleBlock,
    readonly batch: number,
  ) {
    if (!Number.isInteger(batch) || batch < 1)
      throw new ConfigError('batch', `batch must be a whole number ≥ 1, got ${batch}`);
    if (batch > block.rows)
      throw new ConfigError('batch', `batch ${batch} is larger than the example block (${block.rows} rows)`);
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
