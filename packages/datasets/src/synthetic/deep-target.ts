import { OptionError, Rng } from '@rfa/tensor';
import { checkSize, makeTask, type SyntheticTask, uniformBlock } from './task.js';

/** Options of `createDeepTargetTask` (defaults: the paper's Fig. 3d). */
export interface DeepTargetTaskOptions {
  seed: number;
  /** Layer widths from input to output (default [30, 20, 10, 10]). */
  layerSizes?: readonly number[];
  /** Weights ~ U[-weightRange, weightRange] (default 0.5). */
  weightRange?: number;
  /** Biases ~ U[-biasRange, biasRange] (default 0.5, as the weights; 0 for no biases). */
  biasRange?: number;
  heldOutSize?: number;
}

/** The target network's parameters: `weights[l]` is `sizes[l+1] × sizes[l]`, row-major. */
export interface DeepTargetTask extends SyntheticTask {
  readonly layerSizes: readonly number[];
  readonly weights: readonly Float32Array[];
  readonly biases: readonly Float32Array[];
}

/**
 * Fig. 3d's task: regression onto a fixed random 30-20-10-10 network, tanh in the hidden
 * layers and a linear output layer (the learners' output is linear too, so the target
 * is reachable), weights ~ U[-0.5, 0.5]. The paper does not give the target's biases; we
 * draw them like the weights, U[-0.5, 0.5] (`biasRange` changes that). `x ~ N(0, I)`
 * (reconstructed).
 * @example
 * const task = createDeepTargetTask({ seed: 3 });
 * const batch = task.sample(1);
 */
export function createDeepTargetTask(options: DeepTargetTaskOptions): DeepTargetTask {
  const sizes = options.layerSizes ?? [30, 20, 10, 10];
  if (sizes.length < 2)
    throw new OptionError(`createDeepTargetTask: layerSizes needs at least 2 entries, got ${sizes.length}`);
  for (const [l, n] of sizes.entries()) checkSize(`createDeepTargetTask: layerSizes[${l}]`, n);
  const biasRange = options.biasRange ?? 0.5;
  const root = new Rng(options.seed);
  const params = root.fork();
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    weights.push(uniformBlock(params, sizes[l + 1] * sizes[l], options.weightRange ?? 0.5));
    biases.push(
      biasRange === 0 ? new Float32Array(sizes[l + 1]) : uniformBlock(params, sizes[l + 1], biasRange),
    );
  }
  // One float64 activation buffer per layer, reused for every example.
  const acts = sizes.map((n) => new Float64Array(n));
  const last = sizes.length - 1;
  const task = makeTask(
    {
      name: 'deep-target',
      inputSize: sizes[0],
      outputSize: sizes[last],
      heldOutSize: options.heldOutSize ?? 1000,
      drawInput(rng, x, offset) {
        for (let j = 0; j < sizes[0]; j++) x[offset + j] = rng.normal();
      },
      target(x, xOffset, y, yOffset) {
        for (let j = 0; j < sizes[0]; j++) acts[0][j] = x[xOffset + j];
        for (let l = 0; l < last; l++) {
          const [n, m, w, b] = [sizes[l], sizes[l + 1], weights[l], biases[l]];
          for (let i = 0; i < m; i++) {
            let a = b[i];
            for (let j = 0; j < n; j++) a += w[i * n + j] * acts[l][j];
            acts[l + 1][i] = l + 1 === last ? a : Math.tanh(a);
          }
        }
        for (let i = 0; i < sizes[last]; i++) y[yOffset + i] = acts[last][i];
      },
    },
    root,
  );
  return { ...task, layerSizes: [...sizes], weights, biases };
}
