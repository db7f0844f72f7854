// Fig. 3a's network (784-h-10, logistic, squared error, the same seeds and wiring as
// `pnpm bench reproduce fig3a`) trained by each rule given, printing at every evaluation the
// test error and the angle between the hidden→output W and the rule's feedback for it
// (FA: Bᵀ; Kolen–Pollack: K). The bench reports that angle too (`weightAngle`), but only for a
// registry rule at its defaults; this script takes registry options: `kolen-pollack:decayReading=extra`.
// Build first (`pnpm build`), then from the repository root:
//   node docs/results/kolen-pollack-angles.mjs fa,kolen-pollack 1 --set hiddenUnits=500 --set epochs=3
// Arguments: rules, seeds, then --set KEY=VALUE as for `pnpm bench reproduce fig3a`.

import { createCpuBackend } from '../../packages/backend-cpu/dist/index.js';
import {
  defineExperiment,
  fig3a,
  parseOverrides,
  resolveConfig,
  runExperiment,
} from '../../packages/experiments/dist/index.js';
import { fig3aRun } from '../../packages/experiments/dist/internal.js';
import { loadExperimentData } from '../../packages/experiments/dist/node.js';
import { angleDegrees, matrixAngleToTranspose } from '../../packages/metrics/dist/index.js';

const [rules, seeds, ...rest] = process.argv.slice(2);
const sets = rest.filter((_, i) => rest[i - 1] === '--set');
const config = resolveConfig(fig3a, { overrides: parseOverrides(sets) });
const data = await loadExperimentData(fig3a);
const backend = createCpuBackend();

/** 'kolen-pollack:decayReading=extra' → ['kolen-pollack', { decayReading: 'extra' }]. */
function parseSpec(spec) {
  const [key, ...pairs] = spec.split(':');
  const options = {};
  for (const pair of pairs) {
    const [k, v] = pair.split('=');
    options[k] = Number.isNaN(Number(v)) ? v : Number(v);
  }
  return [key, options];
}

const specs = rules.split(',');
// fig3a's run (network, seeds, data) with each spec's registry options on its rule
const experiment = defineExperiment({
  ...fig3a,
  id: 'fig3a-angles',
  rules: Object.fromEntries(specs.map((s) => [s, { description: s }])),
  defaultRules: () => specs,
  run: (c, spec, ctx) => {
    const [key, options] = parseSpec(spec);
    return fig3aRun(c, key, ctx, ctx.data.datasets.mnist, options);
  },
});

/** Angle between the top layer's W ([out, in]) and its feedback, read in W's layout. */
function topAngle(trainer) {
  const last = trainer.network.layers.length - 1;
  const fb = trainer.rule.feedback().find((f) => f.layer === last);
  if (!fb) return Number.NaN;
  const w = trainer.network.layers[last].weights.readSync();
  const m = fb.tensor.readSync();
  if (fb.layout === 'forward') return angleDegrees(w, m);
  const [out, inp] = trainer.network.layers[last].weights.shape; // B is [in, out]
  return matrixAngleToTranspose(w, m, out, inp);
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
