import { type ImageWorkload, lenetWorkload } from '@rfa/experiments/internal';
import { CliError } from '../cli-error.js';

/** What the race trains: the dense network of `--layers`, or the LeNet of the `lenet-mnist` experiment. */
export type SpeedWorkload = 'dense' | 'lenet';

/** The image network of a workload (none for the dense one). */
export const imageWorkload = (workload: SpeedWorkload | undefined): ImageWorkload | undefined =>
  workload === 'lenet' ? lenetWorkload() : undefined;

/** The sizes a race case carries: LeNet reads 28·28 pixels and scores 10 classes; the dense race, its layers. */
export const workloadSizes = (image: ImageWorkload | undefined, sizes: number[]): number[] =>
  image ? [784, 10] : sizes;

/** The header line that says what network every implementation trains. */
export function networkLine(image: ImageWorkload | undefined, sizes: number[], learningRate: number): string {
  return image
    ? `network ${image.name} (the LeNet experiments' layer list): 28×28×1 → conv 5×5×6 → max pool 2 → conv 5×5×16 → max pool 2 → dense 120 → 84 → 10, tanh hidden, softmax, cross-entropy, SGD lr ${learningRate}, He-normal W; every implementation starts from the same values`
    : `network ${sizes.join('-')}, logistic units, squared error, SGD lr ${learningRate}, W ~ U[-0.05, 0.05], FA's B ~ U[-0.5, 0.5]; every implementation starts from the same values`;
}

/** How the TensorFlow.js peer's step is written, per workload. */
export const TFJS_STEP_DENSE =
  'step written with explicit tf ops in tf.tidy, Variable.assign updates (no tf.grad, no tf.layers)';
export const TFJS_STEP_IMAGE =
  'NHWC tf.conv2d, tf.maxPool, tf.matMul forward; backward by hand in tf ops (tf.conv2dTranspose; filter and max-pool gradients from tf.conv2d and window masks, @rfa/tfjs-peers window-grads.ts) in tf.tidy, Variable.assign updates';

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
