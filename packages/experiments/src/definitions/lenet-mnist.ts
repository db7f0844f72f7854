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
import { requireMnist } from './mnist-parts.js';

/** The quick check (`--quick`): backprop and FA, one pass over MNIST. */
export const lenetQuick: LenetConfig = {
  ...lenetDefaults,
  epochs: 1,
  evaluationsPerEpoch: 4,
  rules: ['bp', 'fa'],
};

/**
 * LeNet-5 on MNIST under every rule with a feedback pathway (beyond the paper, which has dense
 * networks only): does feedback alignment through convolutions keep up with backprop, and do
 * the kernels align with their feedback?
 */
export const lenetMnist = defineExperiment<LenetConfig>({
  id: 'lenet-mnist',
  title: 'LeNet-5 on MNIST under every feedback rule (beyond the paper)',
  caption:
    'A small convolutional network reads handwritten digits. Backprop, feedback alignment through random kernels, direct feedback alignment, the sign-concordant rules, Kolen–Pollack and weight mirror train the same LeNet-5: how close does each come to backprop, and how far do its kernels turn toward their feedback?',
  xUnit: 'epoch',
  notes: `MNIST 60k train / 10k test. ${LENET_NOTES}`,
  schema: lenetSchema,
  defaults: lenetDefaults,
  quick: lenetQuick,
  defaultSeeds: 3,
  quickSeeds: 1,
  needs: { datasets: ['mnist'] },
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
    note: 'MNIST subset: the first 10,000 training images, one pass, test error on the first 1,000 test images',
  },
  rules: lenetRules,
  defaultRules: (c) => c.rules,
  work: lenetWork,
  run: (c, rule, ctx) => lenetRun(c, rule, ctx, requireMnist('lenet-mnist', ctx.data)),
  paper: {},
  plots: lenetPlots,
  tableMetrics: lenetTableMetrics,
});
