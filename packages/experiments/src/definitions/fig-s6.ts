import { depthTTests } from '../analysis/depth-t-test.js';
import { defineExperiment } from '../experiment.js';
import { type Fig3dConfig, fig3d, fig3dDefaults, fig3dRun, fig3dSchema } from './fig3d.js';

const FROZEN_W0: ReadonlySet<number> = new Set([0]);

/** Each rule key: the registry rule, the depth, and whether W0 (the first layer) is frozen. */
const RUNS: Record<string, { rule: string; depth: 3 | 4; frozenW0: boolean; description: string }> = {
  shallow: {
    rule: 'shallow',
    depth: 3,
    frozenW0: true,
    description: '3-layer net, only the output layer learns (W0 frozen)',
  },
  'bp-4layer': { rule: 'bp', depth: 4, frozenW0: false, description: '4-layer net, backprop' },
  'fa-4layer': { rule: 'fa', depth: 4, frozenW0: false, description: '4-layer net, feedback alignment' },
  'bp-4layer-frozen-w0': {
    rule: 'bp',
    depth: 4,
    frozenW0: true,
    description: '4-layer net, backprop, W0 frozen',
  },
  'fa-4layer-frozen-w0': { rule: 'fa', depth: 4, frozenW0: true, description: '4-layer net, FA, W0 frozen' },
};

/**
 * Supplementary Fig. 6's control: the depth task of Fig. 3d with the first layer of weights,
 * W0, frozen. With W0 fixed, a 4-layer net can still beat the shallow learner (which trains
 * only its output layer) only through effective updates of its deeper hidden layer — which
 * feedback alignment makes, through B2.
 */
export const figS6 = defineExperiment<Fig3dConfig>({
  id: 'figS6',
  title: 'Supplementary Fig. 6 — depth control: the 4-layer net with W0 frozen',
  caption:
    'Fig. 3d’s task with the first layer of weights frozen, so a 4-layer network can beat the shallow learner only by training its second hidden layer. Feedback alignment does so through its random feedback.',
  xUnit: 'step',
  notes:
    "Fig. 3d's task, target, data and settings (see fig3d), with W0 frozen in the '-frozen-w0' runs. Compare fa-4layer-frozen-w0 with shallow (3-layer, W0 frozen too: only the output layer learns): a lower NSE means FA's signal through B2 trained the second hidden layer. analysis: Welch t-tests of final NSE, frozen-W0 4-layer vs shallow, per rule.",
  schema: fig3dSchema,
  defaults: fig3dDefaults,
  quick: fig3d.quick,
  defaultSeeds: 20,
  needs: {},
  layerWidths: (c) => [30, c.hiddenUnits, c.secondHiddenUnits, 10],
  browser: {
    overrides: {},
    note: 'Fig. 3d’s 30-20-10-10 tanh regression with the first layer of weights frozen',
  },
  rules: Object.fromEntries(Object.entries(RUNS).map(([k, r]) => [k, { description: r.description }])),
  work: (c) => c.steps,
  run(c, key, ctx) {
    const r = RUNS[key];
    const learningRate =
      c.learningRates[r.depth === 3 ? (r.rule as 'shallow') : (`${r.rule}-4layer` as 'bp-4layer')];
    return fig3dRun(
      c,
      { rule: r.rule, depth: r.depth, learningRate, frozen: r.frozenW0 ? FROZEN_W0 : undefined },
      ctx,
    );
  },
  paper: {},
  plots: [
    { metric: 'nse', title: 'Held-out NSE', yTitle: 'NSE', unit: 'plain', logY: true },
    {
      metric: 'deltaAngle',
      title: "Angle between the rule's and backprop's top hidden signal",
      yTitle: 'degrees',
      unit: 'degrees',
      reference: [{ value: 90, label: '90°: no alignment' }],
    },
    {
      metric: 'eWBePositive',
      title: 'Share of examples with eᵀWBe > 0',
      yTitle: 'share of examples',
      unit: 'percent',
      rules: ['fa-4layer', 'fa-4layer-frozen-w0'],
    },
  ],
  tableMetrics: ['nse', 'deltaAngle', 'deltaAngle1'],
  analyse: (results) =>
    depthTTests(
      results,
      [
        ['shallow', 'bp-4layer-frozen-w0'],
        ['shallow', 'fa-4layer-frozen-w0'],
      ],
      'nse',
      'deeper',
    ),
});
