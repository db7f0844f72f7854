import { createCpuBackend } from '@rfa/backend-cpu';
import { fig2, resolveConfig, runExperiment } from '@rfa/experiments';

// Fig. 2, shortened: 600 online steps instead of 5000, backprop and FA, two seeds
const config = resolveConfig(fig2, { quick: true, overrides: { steps: 600, heldOut: 200 } });
const backend = createCpuBackend();
const report = await runExperiment(fig2, {
  config,
  seeds: 2,
  rules: ['bp', 'fa'],
  backend,
  onEvent: (e) => {
    // every evaluation adds a curve point; FA's signal swings towards backprop's
    if (
      e.type === 'record' &&
      e.rule === 'fa' &&
      e.seed === 1 &&
      e.point.step > 0 &&
      e.point.step % 200 === 0
    )
      console.log(e.point.step, e.point.deltaAngle.toFixed(1));
  },
}); // 200 28.2, 400 25.8, 600 26.5 (degrees)
for (const [rule, r] of Object.entries(report.results))
  console.log(rule, r.final.nse.mean.toExponential(1), r.final.nse.n); // bp 2.2e-2 2, fa 3.6e-4 2
backend.dispose();
