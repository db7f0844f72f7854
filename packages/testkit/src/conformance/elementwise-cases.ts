import {
  type Backend,
  formatShape,
  Rng,
  type Shape,
  scope,
  type Tensor,
  UNARY_OPS,
  type UnaryOp,
} from '@rfa/tensor';
import { expectClose, type Tolerance } from '../expect-close.js';
import { ELEMENTWISE_SHAPES, randomArray } from '../fixtures.js';
import { refUnary } from '../reference.js';
import type { ConformanceCase, ConformanceContext, ConformanceTolerance } from './types.js';

/** Runs `op` on tensors made from `inputs` and returns what lands in the output tensor. */
export async function runOp(
  backend: Backend,
  inputs: { data: ArrayLike<number>; shape: Shape }[],
  outShape: Shape,
  op: (out: Tensor, ...ins: Tensor[]) => void,
): Promise<Float32Array> {
  const out = scope(() => {
    const ts = inputs.map((x) => backend.fromArray(x.data, x.shape));
    const o = backend.zeros(outShape);
    op(o, ...ts);
    return o;
  });
  const values = await out.read();
  out.dispose();
  return values;
}

type Pointwise = {
  name: string;
  arity: 1 | 2;
  tolerance: keyof ConformanceTolerance;
  /** input range, to stay in the op's domain */
  range?: [number, number];
  apply: (b: Backend, out: Tensor, x: Tensor, y: Tensor) => void;
  ref: (x: number, y: number) => number;
};

const f32 = Math.fround;

const POINTWISE: Pointwise[] = [
  {
    name: 'add',
    arity: 2,
    tolerance: 'elementwise',
    apply: (b, o, x, y) => b.add(o, x, y),
    ref: (x, y) => x + y,
  },
  {
    name: 'sub',
    arity: 2,
    tolerance: 'elementwise',
    apply: (b, o, x, y) => b.sub(o, x, y),
    ref: (x, y) => x - y,
  },
  {
    name: 'mul',
    arity: 2,
    tolerance: 'elementwise',
    apply: (b, o, x, y) => b.mul(o, x, y),
    ref: (x, y) => x * y,
  },
  {
    name: 'div',
    arity: 2,
    tolerance: 'elementwise',
    range: [0.5, 2],
    apply: (b, o, x, y) => b.div(o, x, y),
    ref: (x, y) => x / y,
  },
  {
    name: 'scale',
    arity: 1,
    tolerance: 'elementwise',
    apply: (b, o, x) => b.scale(o, x, f32(-1.7)),
    ref: (x) => f32(-1.7) * x,
  },
  {
    name: 'addScalar',
    arity: 1,
    tolerance: 'elementwise',
    apply: (b, o, x) => b.addScalar(o, x, 0.25),
    ref: (x) => x + 0.25,
  },
  {
    name: 'clamp',
    arity: 1,
    tolerance: 'elementwise',
    apply: (b, o, x) => b.clamp(o, x, -0.5, 0.25),
    ref: (x) => Math.min(Math.max(x, -0.5), 0.25),
  },
  {
    name: 'greater',
    arity: 1,
    tolerance: 'elementwise',
    apply: (b, o, x) => b.greater(o, x, 0.1),
    ref: (x) => (x > 0.1 ? 1 : 0),
  },
  ...UNARY_OPS.map(
    (op: UnaryOp): Pointwise => ({
      name: `unary ${op}`,
      arity: 1,
      tolerance: op === 'exp' || op === 'log' || op === 'sqrt' ? 'transcendental' : 'elementwise',
      range: op === 'log' || op === 'sqrt' || op === 'reciprocal' ? [0.1, 3] : undefined,
      apply: (b, o, x) => b.unary(o, x, op),
      ref: (x) => refUnary[op](x),
    }),
  ),
];

function pointwiseCase(p: Pointwise, shape: Shape): ConformanceCase {
  const name = `${p.name} ${formatShape(shape)}`;
  return {
    name,
    group: 'elementwise',
    run: async (backend, ctx: ConformanceContext) => {
      const rng = new Rng(ctx.seed);
      const [lo, hi] = p.range ?? [-2, 2];
      const x = randomArray(rng, shape, lo, hi);
      const y = randomArray(rng, shape, lo, hi);
      const expected = Float64Array.from(x, (v, i) => p.ref(v, y[i]));
      const inputs =
        p.arity === 2
          ? [
              { data: x, shape },
              { data: y, shape },
            ]
          : [{ data: x, shape }];
      const got = await runOp(backend, inputs, shape, (o, a, b) => p.apply(backend, o, a, b));
      expectClose(got, expected, ctx.tolerance[p.tolerance] as Tolerance, name);
    },
  };
}

const axpyCase: ConformanceCase = {
  name: 'axpy and aliasing (out = a)',
  group: 'elementwise',
  run: async (backend, ctx) => {
    const rng = new Rng(ctx.seed);
    const shape = [33, 65];
    const x = randomArray(rng, shape);
    const y = randomArray(rng, shape);
    const got = await runOp(
      backend,
      [
        { data: x, shape },
        { data: y, shape },
      ],
      shape,
      (o, a, b) => {
        backend.axpy(b, 0.5, a); // b = y + 0.5 x
        backend.add(b, b, a); // in place: b = y + 1.5 x
        backend.copy(o, b);
      },
    );
    expectClose(
      got,
      Float64Array.from(x, (v, i) => y[i] + 0.5 * v + v),
      { atol: 1e-6, rtol: 1e-6 },
      'axpy',
    );
  },
};

const copyFillCase: ConformanceCase = {
  name: 'copy and fill',
  group: 'elementwise',
  run: async (backend) => {
    const src = Float32Array.from({ length: 12 }, (_, i) => i - 3.5);
    const copied = await runOp(backend, [{ data: src, shape: [3, 4] }], [3, 4], (o, a) => backend.copy(o, a));
    expectClose(copied, src, { atol: 0, rtol: 0 }, 'copy');
    const filled = await runOp(backend, [], [5, 3], (o) => backend.fill(o, -2.5));
    expectClose(filled, new Float32Array(15).fill(-2.5), { atol: 0, rtol: 0 }, 'fill');
  },
};

export function elementwiseCases(): ConformanceCase[] {
  const cases = [axpyCase, copyFillCase];
  for (const p of POINTWISE) for (const s of ELEMENTWISE_SHAPES) cases.push(pointwiseCase(p, s));
  return cases;
}
