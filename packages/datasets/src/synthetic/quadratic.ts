import { Rng } from '@rfa/tensor';
import { checkSize, makeTask, type SyntheticTask, uniformBlock } from './task.js';

/** Options of `createQuadraticTask` (defaults: the paper's Fig. 5). */
export interface QuadraticTaskOptions {
  seed: number;
  /** Input width n (default 20). */
  inputSize?: number;
  /** Number of outputs, one matrix `Q_k` each (default 20). */
  outputSize?: number;
  /** `x ~ U[-inputRange, inputRange]^n` (default 2). */
  inputRange?: number;
  /** `Q_k ~ U[-weightRange, weightRange]` (default 0.5). */
  weightRange?: number;
  heldOutSize?: number;
}

/** The quadratic task, with `matrices` = the `Q_k` stacked (`outputSize × n × n`, row-major). */
export interface QuadraticTask extends SyntheticTask {
  readonly matrices: Float32Array;
}

/**
 * Fig. 5's task: `y*_k = x^T Q_k x` for k = 1..20, `x ~ U[-2, 2]^20`, `Q_k ~ U[-0.5, 0.5]`.
 * @example
 * const task = createQuadraticTask({ seed: 5 });
 * const { inputs, targets } = task.sample(32);
 */
export function createQuadraticTask(options: QuadraticTaskOptions): QuadraticTask {
  const n = checkSize('createQuadraticTask: inputSize', options.inputSize ?? 20);
  const outputSize = checkSize('createQuadraticTask: outputSize', options.outputSize ?? 20);
  const range = options.inputRange ?? 2;
  const root = new Rng(options.seed);
  const matrices = uniformBlock(root.fork(), outputSize * n * n, options.weightRange ?? 0.5);
  const task = makeTask(
    {
      name: 'quadratic',
      inputSize: n,
      outputSize,
      heldOutSize: options.heldOutSize ?? 1000,
      drawInput(rng, x, offset) {
        for (let j = 0; j < n; j++) x[offset + j] = rng.uniformIn(-range, range);
      },
      target(x, xOffset, y, yOffset) {
        for (let k = 0; k < outputSize; k++) {
          let sum = 0;
          for (let i = 0; i < n; i++) {
            let row = 0;
            for (let j = 0; j < n; j++) row += matrices[(k * n + i) * n + j] * x[xOffset + j];
            sum += x[xOffset + i] * row;
          }
          y[yOffset + k] = sum;
        }
      },
    },
    root,
  );
  return { ...task, matrices };
}
