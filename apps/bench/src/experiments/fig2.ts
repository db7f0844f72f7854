import { createLinearTask } from '@rfa/datasets';
import { uniformInit } from '@rfa/layers';
import {
  backprop,
  feedbackAlignment,
  nodePerturbation,
  type RuleFactory,
  shallow,
} from '@rfa/learning-rules';
import { regressionRun } from './regression-run.js';
import type { Experiment, SeedOutcome } from './types.js';

export interface Fig2Config {
  network: string;
  steps: number;
  evaluateEvery: number;
  heldOut: number;
  forwardInit: number;
  feedbackInit: number;
  learningRates: Record<string, number>;
  nodePerturbation: { sigma: number; perturb: 'all' | 'hidden' };
}

/**
 * Fig. 2: a linear 30-20-10 network learns y* = T x online. Learning rates were
 * searched per rule for speed, as in the paper (η ∈ {1e-4, 3e-4, 1e-3, 3e-3, 5e-3};
 * larger rates diverge for node perturbation).
 */
export const fig2: Experiment<Fig2Config> = {
  id: 'fig2',
  title: 'Fig. 2 — linear 30-20-10 network learns a linear map',
  notes:
    "y* = T x, T ~ U[-1,1] (10×30), x ~ N(0, I) (reconstructed); online (one example per step); W ~ U[-0.01, 0.01], B ~ U[-0.5, 0.5]; NSE on 1000 held-out examples. Node perturbation perturbs every unit (no error signal anywhere). deltaAngle: angle between the rule's hidden teaching signal and backprop's on the same state, mean over each evaluation window.",
  config: (quick) => ({
    network: '30-20-10 linear',
    steps: quick ? 2000 : 5000,
    evaluateEvery: 50,
    heldOut: 1000,
    forwardInit: 0.01,
    feedbackInit: 0.5,
    learningRates: { bp: 0.005, fa: 0.005, shallow: 0.005, 'node-perturbation': 3e-4 },
    nodePerturbation: { sigma: 0.01, perturb: 'all' },
  }),
  work: (c) => 4 * c.steps,
  async runSeed(c, ctx) {
    const task = createLinearTask({ seed: ctx.seed, heldOutSize: c.heldOut });
    const rules: Record<string, RuleFactory> = {
      bp: backprop(),
      fa: feedbackAlignment({ init: uniformInit(c.feedbackInit) }),
      shallow: shallow(),
      'node-perturbation': nodePerturbation(c.nodePerturbation),
    };
    const outcome: SeedOutcome = {};
    for (const [key, rule] of Object.entries(rules)) {
      // every rule sees the same task, initial weights and example stream
      task.rng.setState(createLinearTask({ seed: ctx.seed, heldOutSize: c.heldOut }).rng.getState());
      outcome[key] = await regressionRun(
        {
          task,
          layers: [
            { in: 30, out: 20, activation: 'linear' },
            { out: 10, activation: 'linear' },
          ],
          init: uniformInit(c.forwardInit),
          rule,
          learningRate: c.learningRates[key],
          steps: c.steps,
          batchSize: 1,
          evaluateEvery: c.evaluateEvery,
          seed: ctx.seed * 1000 + 1,
        },
        ctx,
      );
    }
    return outcome;
  },
  paper: {},
  plots: [
    { metric: 'nse', title: 'Held-out NSE', yTitle: 'NSE', logY: true },
    {
      metric: 'deltaAngle',
      title: 'Angle between FA and BP hidden signals',
      yTitle: 'degrees',
      rules: ['fa'],
    },
  ],
  tableMetrics: ['nse', 'deltaAngle'],
};
