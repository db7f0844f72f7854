import { createCpuBackend } from '@rfa/backend-cpu';
import { checkGradient, expectClose, MismatchError, runConformance } from '@rfa/testkit';

// The conformance suite, outside any test framework: here against the CPU backend's JS kernels.
const backend = createCpuBackend({ kernels: 'js' });
const report = await runConformance(backend, { large: false });
console.log(report.passed.length, report.failed.length, report.skipped.length); // 316 0 0
backend.dispose();

expectClose(new Float32Array([0.1, 0.2]), [0.1, 0.2], { atol: 1e-7, rtol: 1e-6 }); // within float32 rounding
try {
  expectClose([1, 2.01], [1, 2], { atol: 0, rtol: 1e-3 });
} catch (e) {
  if (!(e instanceof MismatchError)) throw e;
  console.log(e.message.split('\n')[0]); // values: 1 of 2 outside atol 0, rtol 0.001: [1] got 2.01, …
}

const f = (x: Float64Array) => x[0] ** 2 * x[1]; // ∇f = (2 x₀ x₁, x₀²)
const { maxRelativeError } = checkGradient(f, Float64Array.from([1.5, -2]), [-6, 2.25]);
console.log(maxRelativeError < 1e-9); // true
