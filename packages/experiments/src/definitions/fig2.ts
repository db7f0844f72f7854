import { createLinearTask } from '@rfa/datasets';
import { uniformInit } from '@rfa/layers';
import type { RuleFactory } from '@rfa/learning-rules';
import { z } from 'zod';
import { defineExperiment } from '../experiment.js';
import { createRuleWith } from '../rules/rule-registry.js';
import { regressionRun } from '../runs/regression-run.js';

const positive = z.number().positive();
const steps = z.number().int().positive();

const schema = z.strictObject({
  steps: steps.describe('online steps (one example each)'),
  evaluateEvery: steps.describe('steps between held-out evaluations (denser in the first 100)'),
  heldOut: steps.describe('held-out examples for NSE'),
  hiddenUnits: steps.describe('hidden units of the 30-h-10 linear network'),
  forwardInit: positive.describe('W ~ U[-forwardInit, forwardInit]'),
  feedbackInit: positive.describe('B ~ U[-feedbackInit, feedbackInit] (FA, DFA, Kolen–Pollack)'),
  faForm: z
    .enum(['paper', 'chained'])
    .describe(
      "FA, DFA, sign symmetry and Kolen–Pollack: 'paper' (δ = (B e) ∘ f′, derivatives only local) or 'chained' (from e ∘ g′)",
    ),
  learningRates: z
    .strictObject({
      bp: positive,
      fa: positive,
      shallow: positive,
      'node-perturbation': positive,
      dfa: positive,
      'sign-symmetry': positive,
      'kolen-pollack': positive,
    })
    .describe('learning rate per rule'),
  nodePerturbation: z.strictObject({
    sigma: positive.describe('s.d. of node perturbation noise'),
    perturb: z
      .enum(['hidden', 'all'])
      .describe(
        "'hidden' (the Methods: only hidden units are perturbed, the output layer learns by e hᵀ) or 'all' (output units perturbed too, no error signal anywhere)",
      ),
  }),
});

export type Fig2Config = z.infer<typeof schema>;

const defaults: Fig2Config = {
  steps: 5000,
  evaluateEvery: 50,
  heldOut: 1000,
  hiddenUnits: 20,
  forwardInit: 0.01,
  feedbackInit: 0.5,
  // the paper's form; with linear units it equals the chained one
  faForm: 'paper',
  learningRates: {
    bp: 0.005,
    fa: 0.005,
    shallow: 0.005,
    'node-perturbation': 2e-3,
    dfa: 0.005,
    'sign-symmetry': 0.005,
    'kolen-pollack': 0.005,
  },
  // the Methods' node perturbation; σ and η from a sweep (docs/results/fig2-node-perturbation-search.md)
  nodePerturbation: { sigma: 1e-4, perturb: 'hidden' },
};

/** The rule fig2 runs under `key`, with the settings of `c` its options accept (node perturbation its sigma and perturb). */
export function fig2Rule(c: Fig2Config, key: string): RuleFactory {
  return createRuleWith(key, { ...c.nodePerturbation, feedbackScale: c.feedbackInit, form: c.faForm });
}

/**
 * Fig. 2: a linear 30-20-10 network learns y* = T x online. Learning rates were
 * searched per rule for speed, as in the paper (η ∈ {1e-4, 3e-4, 1e-3, 3e-3, 5e-3});
 * node perturbation's σ and η by a sweep of their own (σ 1e-4, η 2e-3; larger η diverge).
 */
export const fig2 = defineExperiment<Fig2Config>({
  id: 'fig2',
  title: 'Fig. 2 — linear 30-20-10 network learns a linear map',
  caption:
    'A small linear network learns a linear map from one example at a time. Backprop and feedback alignment drive the held-out error down together while the shallow learner and node perturbation lag, and FA’s hidden teaching signal swings from 90° toward backprop’s as W comes to align with the fixed random B.',
  xUnit: 'step',
  notes:
    'y* = T x, T ~ U[-1,1] (10×30), x ~ N(0, I) (reconstructed); online (one example per step); W ~ U[-0.01, 0.01], B ~ U[-0.5, 0.5]; NSE on 1000 held-out examples. Node perturbation as the Methods say ("output weights were adjusted via ΔW ∝ e hᵀ for all three algorithms"): only the hidden units are perturbed, the output layer learns by e hᵀ like every other rule; --set nodePerturbation.perturb=all perturbs the output units too (no error signal anywhere). deltaAngle: angle between the rule\'s hidden teaching signal and backprop\'s on the same state, mean over each evaluation window.',
  schema,
  defaults,
  quick: { ...defaults, steps: 2000 },
  defaultSeeds: 20,
  needs: {},
  layerWidths: (c) => [30, c.hiddenUnits, 10],
  browser: { overrides: {}, note: 'the paper’s 30-20-10 linear task, online' },
  rules: {
    bp: { description: 'backprop' },
    fa: { description: 'feedback alignment, B ~ U[-feedbackInit, feedbackInit]' },
    shallow: { description: 'only the output layer learns' },
    'node-perturbation': { description: 'node perturbation (reinforcement baseline)' },
    dfa: { description: 'direct feedback alignment (same as FA with one hidden layer)', optional: true },
    'sign-symmetry': { description: 'sign symmetry', optional: true },
    'kolen-pollack': { description: 'Kolen–Pollack', optional: true },
  },
  work: (c) => c.steps,
  run(c, rule, ctx) {
    // every rule sees the same task, initial weights and example stream
    const task = createLinearTask({ seed: ctx.seed, heldOutSize: c.heldOut });
    const factory = fig2Rule(c, rule);
    return regressionRun(
      {
        task,
        layers: [
          { in: 30, out: c.hiddenUnits, activation: 'linear' },
          { out: 10, activation: 'linear' },
        ],
        init: uniformInit(c.forwardInit),
        rule: factory,
        learningRate: c.learningRates[rule as keyof Fig2Config['learningRates']],
        steps: c.steps,
        batchSize: 1,
        evaluateEvery: c.evaluateEvery,
        seed: ctx.seed * 1000 + 1,
      },
      ctx,
    );
  },
  paper: {},
  plots: [
    { metric: 'nse', title: 'Held-out NSE', yTitle: 'NSE', unit: 'plain', logY: true },
    {
      metric: 'deltaAngle',
      title: "Angle between the rule's hidden signal and backprop's (±2 s.d. over the last 10 examples)",
      yTitle: 'degrees',
      unit: 'degrees',
      reference: [{ value: 90, label: '90°: no alignment' }],
      rules: ['fa', 'node-perturbation', 'dfa', 'sign-symmetry', 'kolen-pollack'],
      band: { metric: 'deltaAngleSd10', times: 2 },
    },
    {
      metric: 'weightAngle',
      title: 'W against Bᵀ and against B⁺ (B⁺ for a fixed B only)',
      yTitle: 'degrees',
      unit: 'degrees',
      reference: [{ value: 90, label: '90°: no alignment' }],
      rules: ['fa', 'dfa', 'sign-symmetry', 'kolen-pollack'],
      series: [
        { metric: 'weightAngle', label: 'W vs Bᵀ' },
        { metric: 'pinvAngle', label: 'W vs B⁺' },
      ],
    },
    {
      metric: 'normRatio',
      title: 'Norm ratio ‖B‖/‖W‖ of the output layer',
      yTitle: '‖B‖ / ‖W‖',
      unit: 'plain',
      rules: ['fa', 'dfa', 'sign-symmetry', 'kolen-pollack'],
    },
    {
      metric: 'eWBePositive',
      title: 'Share of examples with eᵀWBe > 0',
      yTitle: 'share of examples',
      unit: 'percent',
      rules: ['fa'],
    },
  ],
  tableMetrics: ['nse', 'deltaAngle', 'weightAngle', 'normRatio', 'eWBePositive'],
});
