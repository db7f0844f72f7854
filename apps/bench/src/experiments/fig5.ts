import { createQuadraticTask } from '@rfa/datasets';
import { type LayerConfig, uniformInit } from '@rfa/layers';
import { backprop, feedbackAlignment, type RuleFactory, withFrozenLayers } from '@rfa/learning-rules';
import { outputLayerNeuronAngles } from './alignment-metrics.js';
import { regressionRun } from './regression-run.js';
import { type PhaseSteps, phaseDrops, phaseEnds, threePhaseSchedule } from './three-phase.js';
import type { Experiment, RuleRun, SeedOutcome } from './types.js';

export interface Fig5Config {
  network: string;
  steps: number;
  batchSize: number;
  evaluateEvery: number;
  heldOut: number;
  /** W0 ~ U[-hiddenInit, hiddenInit] (20 → 1000). */
  hiddenInit: number;
  /** W ~ U[-outputInit, outputInit] (1000 → 20). */
  outputInit: number;
  biasInit: number;
  feedbackInit: number;
  learningRates: Record<string, number>;
  /** Fig. 5c: steps of each phase (W0 only, W only, W0 only), and the step each phase ends at. */
  threePhase: { phaseSteps: PhaseSteps; phaseEnds: number[] };
}

/**
 * Fig. 5: a 20-1000-20 tanh network learns y*_k = xᵀ Q_k x by feedback alignment; W
 * comes to align with Bᵀ, as a whole and unit by unit. Fig. 5c breaks learning into
 * three phases to show information flowing from B into W0 and then into W.
 */
export const fig5: Experiment<Fig5Config> = {
  id: 'fig5',
  title: 'Fig. 5 — W aligns with Bᵀ; three-phase learning',
  notes:
    'y*_k = xᵀ Q_k x (k = 1..20), x ~ U[-2, 2]^20, Q_k ~ U[-0.5, 0.5], new task, weights and B per seed; scales chosen by hand (the paper gives none). weightAngle: W vs Bᵀ flattened. perNeuronAngle: mean over the 1000 hidden units of the angle between column j of W and row j of B (P10/P90 in the JSON curves). bp: reference line, same initial weights. fa-three-phase: phase 1 trains W0 only (W frozen), phase 2 W only, phase 3 W0 only (threePhase.phaseEnds); phaseNDrop = fraction of the held-out NSE at the start of phase N that the phase removed (negative: the error grew). Paper (Fig. 5c, no numbers): error does not fall in phase 1 and falls in phase 3, after W aligned with B in phase 2.',
  config: (quick) => {
    // batch 10 at η = 0.003: online steps are as fast per step but ~10× noisier (NSE stalls
    // near 0.1 and BP barely moves); η = 0.006 diverges
    const phaseSteps: PhaseSteps = quick ? [1500, 1500, 1500] : [5000, 5000, 5000];
    return {
      network: '20-1000-20 tanh/linear',
      steps: quick ? 4500 : 15000,
      batchSize: 10,
      evaluateEvery: quick ? 250 : 500,
      heldOut: 1000,
      hiddenInit: 0.2,
      // W not tiny, so that phase 1's failure to cut the error is not just W ≈ 0
      outputInit: 0.1,
      biasInit: 0.1,
      feedbackInit: 0.2,
      learningRates: { fa: 0.003, bp: 0.003, 'fa-three-phase': 0.003 },
      threePhase: { phaseSteps, phaseEnds: phaseEnds(phaseSteps) },
    };
  },
  work: (c) => 2 * c.steps + c.threePhase.phaseEnds[2],
  async runSeed(c, ctx) {
    const layers: LayerConfig[] = [
      { in: 20, out: 1000, activation: 'tanh', init: uniformInit(c.hiddenInit) },
      { out: 20, activation: 'linear', init: uniformInit(c.outputInit) },
    ];
    const fa = () => feedbackAlignment({ init: uniformInit(c.feedbackInit) });
    const schedule = threePhaseSchedule(c.threePhase.phaseSteps);
    const runs: { key: string; rule: RuleFactory; steps: number; fa: boolean }[] = [
      { key: 'fa', rule: fa(), steps: c.steps, fa: true },
      { key: 'bp', rule: backprop(), steps: c.steps, fa: false },
      {
        key: 'fa-three-phase',
        rule: withFrozenLayers(fa(), schedule.frozen),
        steps: c.threePhase.phaseEnds[2],
        fa: true,
      },
    ];
    const outcome: SeedOutcome = {};
    for (const run of runs) {
      // same task, example stream, initial weights (and B for both FA runs) for every rule
      const result: RuleRun = await regressionRun(
        {
          task: createQuadraticTask({ seed: ctx.seed, heldOutSize: c.heldOut }),
          layers,
          init: uniformInit(c.hiddenInit),
          biasInit: uniformInit(c.biasInit),
          rule: run.rule,
          learningRate: c.learningRates[run.key],
          steps: run.steps,
          batchSize: c.batchSize,
          evaluateEvery: c.evaluateEvery,
          seed: ctx.seed * 1000 + 5,
          beforeStep: run.key === 'fa-three-phase' ? (step) => schedule.advance(step) : undefined,
          extraMetrics: run.fa ? outputLayerNeuronAngles : undefined,
        },
        ctx,
      );
      if (run.key === 'fa-three-phase')
        Object.assign(
          result.final,
          phaseDrops(result.curves.step, result.curves.nse, c.threePhase.phaseSteps),
        );
      outcome[run.key] = result;
    }
    return outcome;
  },
  paper: {},
  plots: [
    { metric: 'nse', title: 'Held-out NSE', yTitle: 'NSE', logY: true },
    {
      metric: 'weightAngle',
      title: 'Angle between W and Bᵀ',
      yTitle: 'degrees',
      rules: ['fa', 'fa-three-phase'],
    },
    {
      metric: 'perNeuronAngle',
      title: 'Mean per-neuron angle, column j of W vs row j of B',
      yTitle: 'degrees',
      rules: ['fa', 'fa-three-phase'],
    },
  ],
  tableMetrics: ['nse', 'weightAngle', 'perNeuronAngle', 'phase1Drop', 'phase2Drop', 'phase3Drop'],
};
