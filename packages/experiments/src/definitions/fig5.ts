import { createQuadraticTask } from '@rfa/datasets';
import { type LayerConfig, uniformInit } from '@rfa/layers';
import { withFrozenLayers } from '@rfa/learning-rules';
import { z } from 'zod';
import { outputLayerNeuronAngles } from '../analysis/alignment-metrics.js';
import { type PhaseSteps, phaseDrops, phaseEnds, threePhaseSchedule } from '../analysis/three-phase.js';
import { defineExperiment } from '../experiment.js';
import { createRule } from '../rules/rule-registry.js';
import { regressionRun } from '../runs/regression-run.js';

const positive = z.number().positive();
const count = z.number().int().positive();

const schema = z.strictObject({
  steps: count.describe('steps of the fa and bp runs'),
  batchSize: count.describe('examples per step'),
  evaluateEvery: count.describe('steps between held-out evaluations (denser in the first 100)'),
  heldOut: count.describe('held-out examples for NSE'),
  hiddenUnits: count.describe('hidden tanh units of the 20-h-20 network'),
  hiddenInit: positive.describe('W0 ~ U[-hiddenInit, hiddenInit] (20 → hidden)'),
  outputInit: positive.describe('W ~ U[-outputInit, outputInit] (hidden → 20)'),
  biasInit: positive.describe('b ~ U[-biasInit, biasInit]'),
  feedbackInit: positive.describe('B ~ U[-feedbackInit, feedbackInit]'),
  faForm: z
    .enum(['paper', 'chained'])
    .describe(
      "FA, DFA, sign symmetry and Kolen–Pollack: 'paper' (δ = (B e) ∘ f′, derivatives only local) or 'chained' (from e ∘ g′)",
    ),
  learningRates: z
    .strictObject({ fa: positive, bp: positive, 'fa-three-phase': positive })
    .describe('learning rate per rule'),
  threePhase: z.strictObject({
    phaseSteps: z.tuple([count, count, count]).describe('Fig. 5c: steps of W0 only, W only, W0 only'),
  }),
});

export type Fig5Config = z.infer<typeof schema>;

// batch 10 at η = 0.003: online steps are as fast per step but ~10× noisier (NSE stalls
// near 0.1 and BP barely moves); η = 0.006 diverges
const defaults: Fig5Config = {
  steps: 15000,
  batchSize: 10,
  evaluateEvery: 500,
  heldOut: 1000,
  hiddenUnits: 1000,
  hiddenInit: 0.2,
  // W not tiny, so that phase 1's failure to cut the error is not just W ≈ 0
  outputInit: 0.1,
  biasInit: 0.1,
  feedbackInit: 0.2,
  faForm: 'paper',
  learningRates: { fa: 0.003, bp: 0.003, 'fa-three-phase': 0.003 },
  threePhase: { phaseSteps: [5000, 5000, 5000] },
};

/**
 * Fig. 5: a 20-1000-20 tanh network learns y*_k = xᵀ Q_k x by feedback alignment; W
 * comes to align with Bᵀ, as a whole and unit by unit. Fig. 5c (`fa-three-phase`) breaks
 * learning into three phases to show information flowing from B into W0 and then into W.
 */
export const fig5 = defineExperiment<Fig5Config>({
  id: 'fig5',
  title: 'Fig. 5 — W aligns with Bᵀ; three-phase learning',
  caption:
    'A 20-1000-20 tanh network learns a quadratic map while its output weights W turn toward the transpose of the fixed feedback B. Trained in three phases, its first layer only starts to help once W has aligned with B.',
  xUnit: 'step',
  notes:
    'y*_k = xᵀ Q_k x (k = 1..20), x ~ U[-2, 2]^20, Q_k ~ U[-0.5, 0.5], new task, weights and B per seed; scales chosen by hand (the paper gives none). weightAngle: W vs Bᵀ flattened. perNeuronAngle: mean over the 1000 hidden units of the angle between column j of W and row j of B (P10/P90 in the JSON curves). bp: reference line, same initial weights. fa-three-phase: phase 1 trains W0 only (W frozen), phase 2 W only, phase 3 W0 only (threePhase.phaseSteps); phaseNDrop = fraction of the held-out NSE at the start of phase N that the phase removed (negative: the error grew). Paper (Fig. 5c, no numbers): error does not fall in phase 1 and falls in phase 3, after W aligned with B in phase 2.',
  schema,
  defaults,
  quick: { ...defaults, steps: 4500, evaluateEvery: 250, threePhase: { phaseSteps: [1500, 1500, 1500] } },
  defaultSeeds: 20,
  needs: {},
  layerWidths: (c) => [20, c.hiddenUnits, 20],
  browser: { overrides: {}, note: 'the 20-1000-20 quadratic task' },
  rules: {
    fa: { description: 'feedback alignment' },
    bp: { description: 'backprop (reference line, same initial weights)' },
    'fa-three-phase': { description: 'FA in three phases: W0 only, W only, W0 only (Fig. 5c)' },
  },
  work: (c, rule) => (rule === 'fa-three-phase' ? phaseEnds(c.threePhase.phaseSteps)[2] : c.steps),
  async run(c, rule, ctx) {
    const layers: LayerConfig[] = [
      { in: 20, out: c.hiddenUnits, activation: 'tanh', init: uniformInit(c.hiddenInit) },
      { out: 20, activation: 'linear', init: uniformInit(c.outputInit) },
    ];
    const phases = c.threePhase.phaseSteps as PhaseSteps;
    const schedule = threePhaseSchedule(phases);
    const fa = () => createRule('fa', { feedbackScale: c.feedbackInit, form: c.faForm });
    const threePhase = rule === 'fa-three-phase';
    // same task, example stream, initial weights (and B for both FA runs) for every rule
    const result = await regressionRun(
      {
        task: createQuadraticTask({ seed: ctx.seed, heldOutSize: c.heldOut }),
        layers,
        init: uniformInit(c.hiddenInit),
        biasInit: uniformInit(c.biasInit),
        rule: rule === 'bp' ? createRule('bp') : threePhase ? withFrozenLayers(fa(), schedule.frozen) : fa(),
        learningRate: c.learningRates[rule as keyof Fig5Config['learningRates']],
        steps: threePhase ? phaseEnds(phases)[2] : c.steps,
        batchSize: c.batchSize,
        evaluateEvery: c.evaluateEvery,
        seed: ctx.seed * 1000 + 5,
        beforeStep: threePhase ? (step) => schedule.advance(step) : undefined,
        evaluateAlso: threePhase ? phaseEnds(phases) : undefined,
        extraMetrics: rule === 'bp' ? undefined : outputLayerNeuronAngles,
      },
      ctx,
    );
    if (threePhase) Object.assign(result.final, phaseDrops(result.curves.step, result.curves.nse, phases));
    return result;
  },
  paper: {},
  plots: [
    { metric: 'nse', title: 'Held-out NSE', yTitle: 'NSE', unit: 'plain', logY: true },
    {
      metric: 'weightAngle',
      title: 'W against Bᵀ and against B⁺ (Supplementary Notes 13–14)',
      yTitle: 'degrees',
      unit: 'degrees',
      reference: [{ value: 90, label: '90°: no alignment' }],
      rules: ['fa', 'fa-three-phase'],
      series: [
        { metric: 'weightAngle', label: 'W vs Bᵀ' },
        { metric: 'pinvAngle', label: 'W vs B⁺' },
      ],
    },
    {
      metric: 'eWBe',
      title: 'The condition eᵀWBe (mean over each evaluation window)',
      yTitle: 'eᵀWBe',
      unit: 'plain',
      rules: ['fa', 'fa-three-phase'],
    },
    {
      metric: 'perNeuronAngle',
      title: 'Mean per-neuron angle, column j of W vs row j of B',
      yTitle: 'degrees',
      unit: 'degrees',
      reference: [{ value: 90, label: '90°: no alignment' }],
      rules: ['fa', 'fa-three-phase'],
    },
    {
      metric: 'eWBePositive',
      title: 'Share of examples with eᵀWBe > 0',
      yTitle: 'share of examples',
      unit: 'percent',
      rules: ['fa', 'fa-three-phase'],
    },
  ],
  tableMetrics: [
    'nse',
    'weightAngle',
    'pinvAngle',
    'perNeuronAngle',
    'phase1Drop',
    'phase2Drop',
    'phase3Drop',
  ],
});
