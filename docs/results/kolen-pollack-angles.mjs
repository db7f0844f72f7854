// Fig. 3a's network (784-h-10, logistic, squared error, the same seeds and wiring as
// `pnpm bench reproduce fig3a`) trained by each rule given, printing at every evaluation the
// test error and the angle between the hidden→output W and the rule's feedback for it
// (FA: Bᵀ; Kolen–Pollack: K), which the bench does not report for Kolen–Pollack yet.
// A rule may carry registry options: `kolen-pollack:decayReading=extra`.
// Build first (`pnpm build`), then from the repository root:
//   node docs/results/kolen-pollack-angles.mjs fa,kolen-pollack 1 --set hiddenUnits=500 --set epochs=3
// Arguments: rules, seeds, then --set KEY=VALUE as for `pnpm bench reproduce fig3a`.

import { createCpuBackend } from '../../packages/backend-cpu/dist/index.js';
import {
  classificationRun,
  createRule,
  defineExperiment,
  fig3a,
  parseOverrides,
  resolveConfig,
  ruleEntry,
  runExperiment,
} from '../../packages/experiments/dist/index.js';
import { loadExperimentData } from '../../packages/experiments/dist/node.js';
import { uniformInit } from '../../packages/layers/dist/index.js';

const [rules, seeds, ...rest] = process.argv.slice(2);
const sets = rest.filter((_, i) => rest[i - 1] === '--set');
const config = resolveConfig(fig3a, { overrides: parseOverrides(sets) });
const data = await loadExperimentData(fig3a);
const backend = createCpuBackend();

/** 'kolen-pollack:decayReading=extra' → the registry rule with fig3a's settings and those options. */
function buildRule(spec, c) {
  const [key, ...pairs] = spec.split(':');
  const accepted = Object.keys(ruleEntry(key).options.shape);
  const settings = { feedbackScale: c.feedbackInit, form: c.faForm };
  const options = Object.fromEntries(Object.entries(settings).filter(([k]) => accepted.includes(k)));
  for (const pair of pairs) {
    const [k, v] = pair.split('=');
    options[k] = Number.isNaN(Number(v)) ? v : Number(v);
  }
  return createRule(key, options);
}

const specs = rules.split(',');
const experiment = defineExperiment({
  ...fig3a,
  id: 'fig3a-angles',
  rules: Object.fromEntries(specs.map((s) => [s, { description: s }])),
  defaultRules: () => specs,
  run: (c, spec, ctx) =>
    classificationRun(
      {
        train: ctx.data.datasets.mnist.train,
        test: ctx.data.datasets.mnist.test,
        layers: [
          { in: 784, out: c.hiddenUnits, activation: 'logistic' },
          { out: 10, activation: 'logistic' },
        ],
        init: uniformInit(c.forwardInit),
        rule: buildRule(spec, c),
        learningRate: c.learningRate,
        laterEpochsFactor: c.laterEpochsFactor,
        weightDecay: c.weightDecay,
        batchSize: c.batchSize,
        epochs: c.epochs,
        evaluationsPerEpoch: c.evaluationsPerEpoch,
        seed: ctx.seed * 1000 + 3, // fig3a's
      },
      ctx,
    ),
});

const degrees = (a, b) => {
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) [ab, aa, bb] = [ab + a[i] * b[i], aa + a[i] * a[i], bb + b[i] * b[i]];
  return (Math.acos(Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)))) * 180) / Math.PI;
};
/** Angle between the top layer's W ([out, in]) and its feedback, read in W's layout. */
function topAngle(trainer) {
  const last = trainer.network.layers.length - 1;
  const fb = trainer.rule.feedback().find((f) => f.layer === last);
  if (!fb) return Number.NaN;
  const w = trainer.network.layers[last].weights.readSync();
  const m = fb.tensor.readSync();
  if (fb.layout === 'forward') return degrees(w, m);
  const [out, inp] = trainer.network.layers[last].weights.shape; // B is [in, out]
  const bT = new Float32Array(w.length);
  for (let i = 0; i < inp; i++) for (let o = 0; o < out; o++) bT[o * inp + i] = m[i * out + o];
  return degrees(w, bT);
}

let trainer = null;
await runExperiment(experiment, {
  config,
  seeds: Number(seeds),
  rules: specs,
  backend,
  data,
  onModel: (_run, model) => {
    trainer = model?.kind === 'trainer' ? model.trainer : null;
  },
  onEvent: (e) => {
    if (e.type !== 'evaluation' || !trainer) return;
    const epoch = (e.step * config.batchSize) / Math.min(config.trainExamples, 60000);
    const err = (100 * e.metrics.testError).toFixed(2);
    console.log(
      `${e.rule} seed ${e.seed} epoch ${epoch.toFixed(2)} testError ${err}% topAngle ${topAngle(trainer).toFixed(1)}°`,
    );
  },
});
