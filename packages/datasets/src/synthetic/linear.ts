import { Rng } from '@rfa/tensor';
import { checkSize, makeTask, type SyntheticTask, uniformBlock } from './task.js';

/** Options of `createLinearTask` (defaults: the paper's Fig. 2). */
export interface LinearTaskOptions {
  seed: number;
  inputSize?: number;
  outputSize?: number;
  /** `T ~ U[-weightRange, weightRange]` (default 1). */
  weightRange?: number;
  /** Held-out examples (default 1000). */
  heldOutSize?: number;
}

/** The linear task, with its map `T` (`outputSize × inputSize`, row-major) exposed. */
export interface LinearTask extends SyntheticTask {
  readonly weights: Float32Array;
}

/**
 * Fig. 2's task: `y* = T x` with `T` (10 × 30) ~ U[-1, 1] fixed and `x ~ N(0, I)`
 * (the input distribution is reconstructed, see the paper notes).
 * @example
 * const task = createLinearTask({ seed: 1 });
 * const { inputs, targets } = task.sample(1); // online: one example per step
 */
export function createLinearTask(options: LinearTaskOptions): LinearTask {
  const inputSize = checkSize('createLinearTask: inputSize', options.inputSize ?? 30);
  const outputSize = checkSize('createLinearTask: outputSize', options.outputSize ?? 10);
  const root = new Rng(options.seed);
  const weights = uniformBlock(root.fork(), outputSize * inputSize, options.weightRange ?? 1);
  const task = makeTask(
    {
      name: 'linear',
      inputSize,
      outputSize,
      heldOutSize: options.heldOutSize ?? 1000,
      drawInput(rng, x, offset) {
        for (let j = 0; j < inputSize; j++) x[offset + j] = rng.normal();
      },
      target(x, xOffset, y, yOffset) {
        for (let i = 0; i < outputSize; i++) {
          let sum = 0;
          for (let j = 0; j < inputSize; j++) sum += weights[i * inputSize + j] * x[xOffset + j];
          y[yOffset + i] = sum;
        }
      },
    },
    root,
  );
  return { ...task, weights };
}
