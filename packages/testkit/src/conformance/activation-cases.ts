import { ACTIVATIONS, type Activation, formatShape, Rng, scope } from '@rfa/tensor';
import { expectClose } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import { refActivate, refActivationDerivative } from '../reference.js';
import { runOp } from './elementwise-cases.js';
import type { ConformanceCase } from './types.js';

const SHAPES: [number, number][] = [
  [1, 1],
  [1, 10],
  [10, 1],
  [33, 65],
];

function activateCase(act: Activation, rows: number, cols: number): ConformanceCase {
  const name = `activate ${act} ${formatShape([rows, cols])}`;
  return {
    name,
    group: 'activation',
    run: async (backend, ctx) => {
      const x = randomArray(new Rng(ctx.seed), [rows, cols], -6, 6);
      const got = await runOp(backend, [{ data: x, shape: [rows, cols] }], [rows, cols], (o, a) =>
        backend.activate(o, a, act),
      );
      expectClose(got, refActivate(x, rows, cols, act), ctx.tolerance.transcendental, name);
    },
  };
}

function derivativeCase(act: Activation, rows: number, cols: number): ConformanceCase {
  const name = `activationDerivative ${act} ${formatShape([rows, cols])}`;
  return {
    name,
    group: 'activation',
    run: async (backend, ctx) => {
      const x = randomArray(new Rng(ctx.seed), [rows, cols], -6, 6);
      const got = await runOp(backend, [{ data: x, shape: [rows, cols] }], [rows, cols], (o, a) =>
        backend.activationDerivative(o, a, act),
      );
      expectClose(got, refActivationDerivative(x, act), ctx.tolerance.transcendental, name);
    },
  };
}

function biasActivationCase(act: Activation, withDerivative: boolean): ConformanceCase {
  const [rows, cols] = [17, 23];
  const name = `biasActivation ${act}${withDerivative ? ' + derivative' : ''}`;
  return {
    name,
    group: 'activation',
    run: async (backend, ctx) => {
      const rng = new Rng(ctx.seed);
      const x = randomArray(rng, [rows, cols], -4, 4);
      const bias = randomArray(rng, [cols], -1, 1);
      const pre = Float64Array.from(x, (v, i) => Math.fround(v + bias[i % cols]));
      const [gotPre, gotPost, gotDeriv] = await (async () => {
        const ts = scope(() => {
          const p = backend.fromArray(x, [rows, cols]);
          const b = backend.fromArray(bias, [cols]);
          const post = backend.zeros([rows, cols]);
          const d = withDerivative ? backend.zeros([rows, cols]) : null;
          backend.biasActivation(p, b, post, act, d ?? undefined);
          return [p, post, d];
        });
        const values = await Promise.all(ts.map((t) => (t ? t.read() : Promise.resolve(null))));
        for (const t of ts) t?.dispose();
        return values;
      })();
      expectClose(gotPre!, pre, ctx.tolerance.elementwise, `${name}: pre`);
      expectClose(gotPost!, refActivate(pre, rows, cols, act), ctx.tolerance.transcendental, `${name}: post`);
      if (withDerivative)
        expectClose(
          gotDeriv!,
          refActivationDerivative(pre, act),
          ctx.tolerance.transcendental,
          `${name}: derivative`,
        );
    },
  };
}

export function activationCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const act of ACTIVATIONS) {
    for (const [r, c] of SHAPES) {
      cases.push(activateCase(act, r, c));
      if (act !== 'softmax') cases.push(derivativeCase(act, r, c));
    }
    cases.push(biasActivationCase(act, false));
    if (act !== 'softmax') cases.push(biasActivationCase(act, true));
  }
  return cases;
}
