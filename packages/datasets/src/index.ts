/**
 * @rfa/datasets — host-side data for rfa, browser-safe (this entry never imports `node:*`;
 * the Node directory loader lives in `@rfa/datasets/node`).
 */
export { type Batch, Batcher, type BatcherState, type BatchOptions, batches } from './batcher.js';
export { createDataset, type Dataset, type DatasetParts, sliceDataset } from './dataset.js';
export { DatasetError } from './errors.js';
export {
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_TEST_PER_CLASS,
  FASHION_MNIST_TRAIN_PER_CLASS,
  type FashionClassReader,
  type FashionClassSource,
  type FashionMnistOptions,
  readFashionMnist,
} from './fashion-mnist.js';
export { loadFashionMnistFromUrl, type UrlFashionMnistOptions } from './fashion-mnist-url.js';
export {
  MNIST_CLASSES,
  MNIST_COLS,
  MNIST_FILES,
  MNIST_ROWS,
  type Mnist,
  type MnistFileKey,
  type MnistOptions,
  type MnistReader,
  type MnistSource,
  mnistFromBytes,
  readMnist,
} from './mnist.js';
export { type FetchLike, loadMnistFromUrl, type UrlMnistOptions } from './mnist-url.js';
export { type OneHotOptions, oneHot } from './one-hot.js';
export { type Split, type SplitOptions, splitValidation } from './split.js';
export {
  createDeepTargetTask,
  type DeepTargetTask,
  type DeepTargetTaskOptions,
} from './synthetic/deep-target.js';
export { createLinearTask, type LinearTask, type LinearTaskOptions } from './synthetic/linear.js';
export { createQuadraticTask, type QuadraticTask, type QuadraticTaskOptions } from './synthetic/quadratic.js';
export type { SyntheticTask } from './synthetic/task.js';
