import type { Mnist } from '@rfa/datasets';
import { uniformInit } from '@rfa/layers';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defineExperiment, type ExperimentRunContext } from '../experiment.js';
import { createRuleWith, RULES, ruleKeys } from '../rules/rule-registry.js';
import { classificationRun } from '../runs/classification-run.js';
import type { RuleRun } from '../types.js';
import { firstRows, requireMnist } from './mnist-parts.js';

/**
 * Backprop, then every registered rule with a feedback pathway (the registry's `feedback` is not
 * 'none'), then the registry's named variants of those rules (`fa-sparse50`, ...), in registry
 * order: a rule added to the registry joins this comparison by itself.
 */
export const SIDE_BY_SIDE_RULES: readonly string[] = (() => {
  const withFeedback = ruleKeys().filter((k) => RULES[k].feedback !== 'none');
  const variants = withFeedback.flatMap((k) => Object.keys(RULES[k].variants ?? {}));
  return ['bp', ...withFeedback, ...variants];
})();

/** What the registry's FA variants add to FA here (the same readings as Fig. 3a's). */
const VARIANT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'fa-sparse50': 'FA with sparseRemoveFraction of the hidden→output W and of B removed',
  'fa-coarse-derivative': 'FA with a 2-level step (coarseDerivative) in place of each hidden unit’s f′',
};

const positive = z.number().positive();
const count = z.number().int().positive();

const schema = z.strictObject({
  epochs: positive.describe('passes over the training set (a fraction ends the last early)'),
  evaluationsPerEpoch: count.describe('test-set evaluations per epoch'),
  batchSize: count.describe('examples per step'),
  learningRate: positive.describe('η on the batch mean, every rule alike'),
  weightDecay: z.number().min(0).describe('L2 decay of W per step (Kolen–Pollack’s K shares it)'),
  hiddenUnits: count.describe('hidden units of the 784-h-10 logistic network'),
  forwardInit: positive.describe('W ~ U[-forwardInit, forwardInit]'),
  feedbackInit: positive.describe('B, D, K₀, frSF/brSF magnitudes ~ U[-feedbackInit, feedbackInit]'),
  sparseRemoveFraction: z
    .number()
    .min(0)
    .lt(1)
    .describe('fa-sparse50: fraction of the hidden→output W and of B removed (W0 stays dense)'),
  coarseDerivative: z
    .strictObject({ threshold: z.number().min(0), high: positive, low: positive })
    .describe("fa-coarse-derivative: 'high' where the unit's f′ > threshold, else 'low'"),
  angleEvery: count.describe('measure the delta and update angles on every k-th step'),
  trainExamples: count.describe('first N training images used (60000 = all)'),
  testExamples: count.describe('first N test images scored (10000 = all)'),
});

type RulesConfig = z.infer<typeof schema>;

const defaults: RulesConfig = {
  epochs: 5,
  evaluationsPerEpoch: 1,
  batchSize: 128,
  learningRate: 0.5,
  weightDecay: 1e-6,
  hiddenUnits: 500,
  forwardInit: 0.05,
  feedbackInit: 0.5,
  sparseRemoveFraction: 0.5,
  coarseDerivative: { threshold: 0.1, high: 0.2, low: 0.02 },
  angleEvery: 10,
  trainExamples: 60000,
  testExamples: 10000,
};

/** The rule factory of one key of `SIDE_BY_SIDE_RULES` (a variant is its rule with one more option). */
function ruleFor(c: RulesConfig, key: string) {
  const shared = { feedbackScale: c.feedbackInit };
  if (key === 'fa-sparse50')
    return createRuleWith('fa', { ...shared, removeFraction: c.sparseRemoveFraction });
  if (key === 'fa-coarse-derivative')
    return createRuleWith('fa', { ...shared, derivative: { kind: 'step', ...c.coarseDerivative } });
  if (!(key in RULES))
    throw new ConfigError('rules', `rules-784-500-10: no way to build the registry variant '${key}'`);
  return createRuleWith(key, shared);
}

function run(c: RulesConfig, rule: string, ctx: ExperimentRunContext, data: Mnist): Promise<RuleRun> {
  const remove = rule === 'fa-sparse50' ? c.sparseRemoveFraction : 0;
  return classificationRun(
    {
      train: firstRows(data.train, c.trainExamples),
      test: firstRows(data.test, c.testExamples),
      layers: [
        { in: 784, out: c.hiddenUnits, activation: 'logistic' },
        { out: 10, activation: 'logistic', removeFraction: remove },
      ],
      init: uniformInit(c.forwardInit),
      rule: ruleFor(c, rule),
      loss: 'sigmoid-ce',
      learningRate: c.learningRate,
      weightDecay: c.weightDecay,
      batchSize: c.batchSize,
      epochs: c.epochs,
      evaluationsPerEpoch: c.evaluationsPerEpoch,
      seed: ctx.seed * 1000 + 7,
      angleEvery: c.angleEvery,
      updateAngles: true,
    },
    ctx,
  );
}

const degreesPlot = (metric: string, title: string) => ({
  metric,
  title,
  yTitle: 'degrees',
  unit: 'degrees' as const,
  reference: [{ value: 90, label: '90°: no alignment' }],
  rules: SIDE_BY_SIDE_RULES.filter((k) => k !== 'bp'),
  band: { seeds: true as const, times: 1 },
});

/**
 * Every rule with a feedback pathway side by side on a 784-500-10 logistic network with
 * sigmoid cross-entropy and batches of 128, the setting of the weight-transport comparisons
 * (Akrout et al. 2019 compare rules on such a net before ResNets): test error, the hidden→output
 * W against each rule's feedback (angle, norm ratio), and how far each rule's step for the
 * hidden layer's W turns from backprop's (update angle). Not in the paper.
 */
export const rules784500 = defineExperiment<RulesConfig>({
  id: 'rules-784-500-10',
  title: 'Every rule side by side: MNIST, 784-500-10, sigmoid cross-entropy (beyond the paper)',
  caption:
    'Every learning rule with a feedback pathway trains the same 784-500-10 network on MNIST with the same step size: how close does each get to backprop’s test error, how well do its feedback weights match W, and how far do its weight updates turn from backprop’s?',
  xUnit: 'epoch',
  notes:
    'MNIST 60k train / 10k test; logistic hidden and output units, sigmoid cross-entropy on one-hot targets (output δ = y* − y, so FA’s paper and chained forms coincide); shuffled batches of 128, η on the batch mean and the same for every rule (tuned for none), weight decay on W (and on Kolen–Pollack’s K, shared). W ~ U[-0.05, 0.05]; every random feedback matrix ~ U[-feedbackInit, feedbackInit]; each rule at its registry defaults otherwise. Rules: backprop, every registry rule whose feedback is not none, and the registry’s FA variants (fa-sparse50 removes half of the hidden→output W and of B; fa-coarse-derivative a 2-level f′). testError on the 10k test set; weightAngle / normRatio: the hidden→output W against the rule’s current feedback (Bᵀ, K, sign(W)-based B, the top D of DFA and DRTP) and ‖B‖/‖W‖ (the only layer with feedback here); deltaAngle: the hidden signal against backprop’s per example; updateAngle: the rule’s update of the input→hidden W against backprop’s on the same batch and weights (the output layer’s update is backprop’s for every rule); angles averaged over every angleEvery-th step of each epoch.',
  schema,
  defaults,
  // one pass over the first 20,000 images (156 steps), scored on half the test set: 116 s for
  // the three default seeds on two cores (575 s while other jobs loaded them), the s.d. over
  // seeds 1–5 points (at 10,000 images it was 3–16 points, larger than most gaps between rules)
  quick: { ...defaults, epochs: 1, trainExamples: 20000, testExamples: 5000 },
  defaultSeeds: 3,
  needs: { datasets: ['mnist'] },
  layerWidths: (c) => [784, c.hiddenUnits, 10],
  browser: {
    overrides: { epochs: 3, trainExamples: 10000, testExamples: 1000, evaluationsPerEpoch: 4 },
    note: 'MNIST subset: the first 10,000 training images, batches of 128, test error on the first 1,000 test images',
  },
  rules: Object.fromEntries(
    SIDE_BY_SIDE_RULES.map((k) => [
      k,
      {
        description:
          k in RULES ? RULES[k as keyof typeof RULES].title : (VARIANT_DESCRIPTIONS[k] ?? `${k} (a variant)`),
      },
    ]),
  ),
  work: (c) => Math.round(c.epochs * Math.min(c.trainExamples, 60000)),
  run: (c, rule, ctx) => run(c, rule, ctx, requireMnist('rules-784-500-10', ctx.data)),
  paper: {},
  plots: [
    {
      metric: 'testError',
      title: 'Test error (±1 s.d. over seeds)',
      yTitle: 'test error',
      unit: 'percent',
      logY: true,
      band: { seeds: true, times: 1 },
    },
    degreesPlot('updateAngle', 'Update angle: the rule’s step for the input→hidden W against backprop’s'),
    degreesPlot('deltaAngle', 'The hidden layer’s teaching signal against backprop’s'),
    degreesPlot('weightAngle', 'Hidden→output W against the rule’s feedback (W–B angle)'),
    {
      metric: 'normRatio',
      title: 'Norm ratio ‖B‖/‖W‖ of the hidden→output layer',
      yTitle: '‖B‖ / ‖W‖',
      unit: 'plain',
      rules: SIDE_BY_SIDE_RULES.filter((k) => k !== 'bp'),
    },
  ],
  tableMetrics: ['testError', 'updateAngle', 'deltaAngle', 'weightAngle', 'normRatio'],
});
