import { expectClose } from '@rfa/testkit';
import { afterAll, describe, it } from 'vitest';
import { createCpuBackend } from '../../cpu-backend.js';

// The wasm logistic and tanh use a polynomial exp: hold them to the conformance
// suite's transcendental tolerance on a dense sweep far wider than the suite's
// [-6, 6], across the tanh branch point (|x| = 0.625), the exp clamp (-87) and
// the special values, in columns that leave ragged 4-lane tails.
const TOLERANCE = { atol: 1e-7, rtol: 1e-6 };
const special = [0, -0, 1e-8, -1e-8, 0.625, -0.625, 0.62499, 43.5, -43.5, 87, -87, 90, -90, 1e4, -1e4];
const sweep = Array.from({ length: 24_001 }, (_, i) => -30 + i * 0.0025);
const xs = Float32Array.from([
  ...special,
  ...sweep,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
]);
const cols = 7;
const rows = Math.ceil(xs.length / cols);
const values = new Float32Array(rows * cols);
values.set(xs);

const reference = {
  logistic: (x: number) => {
    const y = 1 / (1 + Math.exp(-x));
    return [y, y * (1 - y)];
  },
  tanh: (x: number) => {
    const y = Math.tanh(x);
    return [y, 1 - y * y];
  },
};

describe('wasm logistic and tanh against float64', () => {
  const backend = createCpuBackend({ kernels: 'wasm', threads: 1 });
  afterAll(() => backend.dispose());
  for (const name of ['logistic', 'tanh'] as const) {
    it(`${name}: value and derivative within atol 1e-7, rtol 1e-6 on ${values.length} inputs`, () => {
      const pre = backend.fromArray(values, [rows, cols]);
      const zeroBias = backend.zeros([cols]);
      const post = backend.zeros([rows, cols]);
      const derivative = backend.zeros([rows, cols]);
      backend.biasActivation(pre, zeroBias, post, name, derivative);
      const want = Array.from(values, (x) => reference[name](x));
      expectClose(
        post.readSync(),
        want.map(([y]) => y),
        TOLERANCE,
        `${name} value`,
      );
      expectClose(
        derivative.readSync(),
        want.map(([, d]) => d),
        TOLERANCE,
        `${name} derivative`,
      );
      for (const t of [pre, zeroBias, post, derivative]) t.dispose();
    });
  }
});
