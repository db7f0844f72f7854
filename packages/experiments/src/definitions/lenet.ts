import type { Mnist } from '@rfa/datasets';
import { heInit, type NetworkLayerConfig } from '@rfa/layers';
import { z } from 'zod';
import { requireDataset } from '../datasets/require-dataset.js';
import { defineExperiment, type ExperimentRule, type ExperimentRunContext } from '../experiment.js';
import { createRuleWith } from '../rules/rule-registry.js';
import { classificationRun } from '../runs/classification-run.js';
import type { PlotSpec, RuleRun } from '../types.js';
import { firstRows } from './mnist-parts.js';

/** The registry keys LeNet runs: every rule with a feedback pathway, and backprop. */
export const LENET_RULE_KEYS = [
  'bp',
  'fa',
  'dfa',
  'usf',
  'brsf',
  'frsf',
  'kolen-pollack',
  'weight-mirror',
] as const;
const FEEDBACK_RULES = LENET_RULE_KEYS.filter((k) => k !== 'bp');
const positive = z.number().positive();
const count = z.number().int().positive();

/** LeNet's configuration (`lenet-mnist` and `lenet-fashion` share it). */
const lenetSchema = z.strictObject({
  epochs: positive.describe('passes over the training set (a fraction ends the last early)'),
  evaluationsPerEpoch: count.describe('test-set evaluations per epoch'),
  batchSize: count.describe('examples per step'),
  learningRate: positive.describe('η on the batch mean (plain SGD, the same for every rule)'),
  laterEpochsFactor: positive.describe('η multiplier from the second epoch on'),
  weightDecay: z.number().min(0).describe('L2 decay of W per step'),
  hiddenActivation: z
    .enum(['relu', 'tanh'])
    .describe("every hidden layer's nonlinearity: 'relu' (BioTorch's LeNet) or 'tanh' (LeCun's)"),
  feedbackInit: positive.describe(
    'fixed and initial feedback weights ~ U[-feedbackInit, feedbackInit] (FA, DFA, Kolen–Pollack, weight mirror; brSF and frSF magnitudes)',
  ),
  trainExamples: count.describe('first N training images used (60000 = all)'),
  testExamples: count.describe('first N test images scored (10000 = all)'),
  rules: z.array(z.enum(LENET_RULE_KEYS)).min(1).describe('rules run when --rules is not given'),
});

export type LenetConfig = z.infer<typeof lenetSchema>;

/**
 * LeNet-5 as most later work builds it for 28 × 28 digits: conv 5×5, 6 filters → max pool 2 →
 * conv 5×5, 16 filters → max pool 2 → dense 120 → 84 → 10, `hidden` in every hidden layer and a
 * softmax output with cross-entropy (BioTorch's LeNet takes ReLU and cross-entropy); He-normal
 * forward weights, zero biases.
 */
export const lenetLayers = (hidden: 'relu' | 'tanh'): NetworkLayerConfig[] => [
  { type: 'conv', out: 6, kernel: 5, activation: hidden },
  { type: 'maxPool', size: 2 },
  { type: 'conv', out: 16, kernel: 5, activation: hidden },
  { type: 'maxPool', size: 2 },
  { type: 'flatten' },
  { out: 120, activation: hidden },
  { out: 84, activation: hidden },
  { out: 10, activation: 'softmax' },
];

/** Outputs of each layer, input first: 28·28, 12·12·6 (pooled), 4·4·16 (pooled), 120, 84, 10. */
export const LENET_WIDTHS = [784, 864, 256, 120, 84, 10];

/** The same layers as a diagram labels them: each conv column holds its max pool's output. */
const LENET_LABELS = ['28×28 in', 'conv 5×5×6', 'conv 5×5×16', '120 hidden', '84 hidden', '10 out'];

export const lenetDefaults: LenetConfig = {
  epochs: 20,
  evaluationsPerEpoch: 2,
  batchSize: 16,
  learningRate: 0.05,
  laterEpochsFactor: 1,
  weightDecay: 1e-4,
  // tanh: with ReLU, FA's first epoch was slow at B ~ U[±0.1] and diverged at U[±0.5] (see the README)
  hiddenActivation: 'tanh',
  feedbackInit: 0.3,
  trainExamples: 60000,
  testExamples: 10000,
  rules: [...LENET_RULE_KEYS],
};

const lenetRules: Record<(typeof LENET_RULE_KEYS)[number], ExperimentRule> = {
  bp: { description: 'backprop' },
  fa: { description: 'feedback alignment: a fixed random kernel B in the transposed convolution' },
  dfa: { description: 'direct feedback alignment: the output error projected onto each layer’s output' },
  usf: { description: 'uniform sign-concordant feedback, sign(W)' },
  brsf: { description: 'sign(W) with magnitudes redrawn each batch' },
  frsf: { description: 'sign(W) with magnitudes drawn once' },
  'kolen-pollack': { description: 'Kolen–Pollack: K takes W’s updates' },
  'weight-mirror': { description: 'weight mirror: B learns Wᵀ from noise' },
};

/** One rule of LeNet under one seed on `data` (MNIST or Fashion-MNIST). */
function lenetRun(c: LenetConfig, rule: string, ctx: ExperimentRunContext, data: Mnist): Promise<RuleRun> {
  return classificationRun(
    {
      train: firstRows(data.train, c.trainExamples),
      test: firstRows(data.test, c.testExamples),
      layers: lenetLayers(c.hiddenActivation),
      inputShape: [28, 28, 1],
      init: heInit(),
      loss: 'softmax-ce',
      rule: createRuleWith(rule, { feedbackScale: c.feedbackInit }),
      learningRate: c.learningRate,
      laterEpochsFactor: c.laterEpochsFactor,
      weightDecay: c.weightDecay,
      batchSize: c.batchSize,
      epochs: c.epochs,
      evaluationsPerEpoch: c.evaluationsPerEpoch,
      seed: ctx.seed * 1000 + 5,
      perLayerAngles: true,
      receptiveFields: 6,
    },
    ctx,
  );
}

const lenetWork = (c: LenetConfig) => Math.round(c.epochs * Math.min(c.trainExamples, 60000));

const layerAngles = ['conv 2', 'dense 120', 'dense 84', 'dense 10'].map((label, i) => ({
  metric: `layerAngle${i + 1}`,
  label,
}));

/** LeNet's plots: test error, each layer's W against its feedback, the top signal angle. */
const lenetPlots: PlotSpec[] = [
  {
    metric: 'testError',
    title: 'Test error (±1 s.d. over seeds)',
    yTitle: 'test error',
    unit: 'percent',
    logY: true,
    band: { seeds: true, times: 1 },
  },
  ...layerAngles.map(({ metric, label }) => ({
    metric,
    title: `${label}: W against the feedback that carries its error down (Bᵀ, K, sign(W)-based B; DFA: the top layer only)`,
    yTitle: 'degrees',
    unit: 'degrees' as const,
    reference: [{ value: 90, label: '90°: no alignment' }],
    rules: FEEDBACK_RULES,
  })),
  {
    metric: 'deltaAngle',
    title: "Angle between the rule's signal to the top hidden layer and backprop's",
    yTitle: 'degrees',
    unit: 'degrees',
    reference: [{ value: 90, label: '90°: no alignment' }],
    rules: FEEDBACK_RULES,
  },
];

const lenetTableMetrics = [
  'testError',
  'layerAngle1',
  'layerAngle2',
  'layerAngle3',
  'layerAngle4',
  'deltaAngle',
];

const LENET_NOTES =
  'LeNet-5 on 28×28 images: conv 5×5×6 → max pool 2 → conv 5×5×16 → max pool 2 → dense 120 → 84 → 10; tanh hidden units by default (hiddenActivation: relu is BioTorch’s choice), softmax output, cross-entropy, He-normal W, zero biases; plain SGD on shuffled mini-batches (no momentum: Kolen–Pollack refuses it, and every rule gets the same optimiser), weight decay on W. Images are NHWC rows. FA sends the error down through a fixed random kernel B of W’s shape in the transposed convolution; DFA projects the output error onto each hidden layer’s output (a conv layer’s before pooling); uSF, brSF and frSF use sign(W) of the kernels; Kolen–Pollack’s K and weight mirror’s B are kernel-shaped too. testError after the last epoch on the test set; layerAngle{l}: layer l’s W against its feedback (K, B or sign(W)-based B, in degrees), read at each evaluation; NaN where a rule has no feedback of W’s shape (backprop; DFA below the top). The receptive-field images are the first conv layer’s six 5×5 kernels.';

/** The quick check (`--quick`): backprop and FA, one pass over the training set. */
const lenetQuick: LenetConfig = {
  ...lenetDefaults,
  epochs: 1,
  evaluationsPerEpoch: 4,
  rules: ['bp', 'fa'],
};

/** What differs between the LeNet experiments: the data set and the words about it. */
export interface LenetExperimentSpec {
  id: string;
  title: string;
  caption: string;
  /** The data set LeNet trains on (its first `trainExamples` and `testExamples` rows). */
  dataset: 'mnist' | 'fashion-mnist';
  /** What the notes say of the data before the network's description. */
  dataNotes: string;
  /** The browser preset's note (the subset it runs). */
  browserNote: string;
}

/** One LeNet experiment: the network, rules, plots and presets they all share, on `spec.dataset`. */
export const lenetExperiment = (spec: LenetExperimentSpec) =>
  defineExperiment<LenetConfig>({
    id: spec.id,
    title: spec.title,
    caption: spec.caption,
    xUnit: 'epoch',
    notes: `${spec.dataNotes} ${LENET_NOTES}`,
    schema: lenetSchema,
    defaults: lenetDefaults,
    quick: lenetQuick,
    defaultSeeds: 3,
    quickSeeds: 1,
    needs: { datasets: [spec.dataset] },
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
      note: spec.browserNote,
    },
    rules: lenetRules,
    defaultRules: (c) => c.rules,
    work: lenetWork,
    run: (c, rule, ctx) => lenetRun(c, rule, ctx, requireDataset(spec.id, ctx.data, spec.dataset)),
    paper: {},
    plots: lenetPlots,
    tableMetrics: lenetTableMetrics,
  });
