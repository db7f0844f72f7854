import { Rng, type WindowGeometryOptions, windowGeometry } from '@rfa/tensor';
import { expectClose, expectEqual } from '../expect-close.js';
import { randomArray } from '../fixtures.js';
import {
  refAvgPool,
  refAvgPoolBackward,
  refCol2im,
  refIm2col,
  refMaxPool,
  refMaxPoolBackward,
} from '../reference-window.js';
import { expectTrue } from './assert.js';
import type { ConformanceCase, ConformanceContext } from './types.js';
import { windowEdgeCases } from './window-edge-cases.js';
import { windowHandCases } from './window-hand-cases.js';
import { runWindowOp, windowShapes } from './window-run.js';

/** Geometries the random cases run: LeNet's two convolutions and its pooling, 'same', odd strides, rectangles. */
const GEOMETRIES: WindowGeometryOptions[] = [
  { batch: 3, height: 28, width: 28, channels: 1, kernel: 5 },
  { batch: 2, height: 14, width: 14, channels: 6, kernel: 5 },
  { batch: 4, height: 24, width: 24, channels: 6, kernel: 2, stride: 2 },
  { batch: 3, height: 7, width: 9, channels: 3, kernel: 3, stride: 2, padding: 'same' },
  { batch: 2, height: 6, width: 5, channels: 2, kernel: [3, 2], stride: [2, 1], padding: [1, 1] },
  { batch: 2, height: 5, width: 5, channels: 3, kernel: 3, stride: 2, padding: 1 },
  { batch: 1, height: 4, width: 4, channels: 5, kernel: 1 },
];
/** With `large`: a LeNet first layer at batch 128 (the size that runs on worker threads). */
const LARGE: WindowGeometryOptions = { batch: 128, height: 28, width: 28, channels: 1, kernel: 5 };

const describe = (o: WindowGeometryOptions): string => {
  const pair = (v: number | [number, number] | undefined) =>
    Array.isArray(v) ? v.join('×') : String(v ?? 1);
  return `b${o.batch} ${o.height}×${o.width}×${o.channels} k${pair(o.kernel)} s${pair(o.stride)} ${typeof o.padding === 'string' ? o.padding : `p${pair(o.padding ?? 0)}`}`;
};
const GARBAGE = Number.NaN; // outputs start as NaN: an op that adds onto its output instead of overwriting fails

/** The geometry of `o`, its operand shapes and random x, cols and dy drawn from the case's seed. */
function operands(o: WindowGeometryOptions, seed: number) {
  const g = windowGeometry(o);
  const s = windowShapes(g);
  const rng = new Rng(seed);
  return {
    g,
    s,
    x: randomArray(rng, s.image),
    cols: randomArray(rng, s.cols),
    dy: randomArray(rng, s.pooled),
  };
}

/** Every op of one geometry against the float64 reference. */
function randomCase(o: WindowGeometryOptions): ConformanceCase {
  const name = `windows vs float64 reference: ${describe(o)}`;
  return {
    name,
    group: 'windows',
    run: async (backend, ctx) => {
      const { g, s, x, cols, dy } = operands(o, ctx.seed);
      const tol = ctx.tolerance.reduction;
      const [gotCols, gotX, gotMax, gotArgmax, gotAvg] = await runWindowOp(
        backend,
        [
          { data: x, shape: s.image },
          { data: cols, shape: s.cols },
        ],
        [s.cols, s.image, s.pooled, s.pooled, s.pooled],
        ([oc, ox, om, oa, oavg], [tx, tc]) => {
          backend.im2col(oc, tx, g);
          backend.col2im(ox, tc, g);
          backend.maxPool(om, oa, tx, g);
          backend.avgPool(oavg, tx, g);
        },
        GARBAGE,
      );
      expectEqual(gotCols, refIm2col(x, g), `${name}: im2col`);
      const bound = new Float64Array(x.length);
      expectClose(gotX, refCol2im(cols, g, bound), tol, `${name}: col2im`, bound);
      const max = refMaxPool(x, g);
      expectEqual(gotMax, max.out, `${name}: maxPool`);
      expectEqual(gotArgmax, max.argmax, `${name}: maxPool argmax`);
      const avgBound = new Float64Array(dy.length);
      expectClose(gotAvg, refAvgPool(x, g, avgBound), tol, `${name}: avgPool`, avgBound);
      const [gotMaxBack, gotAvgBack] = await runWindowOp(
        backend,
        [
          { data: dy, shape: s.pooled },
          { data: max.argmax, shape: s.pooled },
        ],
        [s.image, s.image],
        ([om, oa], [tdy, targ]) => {
          backend.maxPoolBackward(om, tdy, targ, g);
          backend.avgPoolBackward(oa, tdy, g);
        },
        GARBAGE,
      );
      bound.fill(0);
      expectClose(
        gotMaxBack,
        refMaxPoolBackward(dy, max.argmax, g, bound),
        tol,
        `${name}: maxPoolBackward`,
        bound,
      );
      bound.fill(0);
      expectClose(gotAvgBack, refAvgPoolBackward(dy, g, bound), tol, `${name}: avgPoolBackward`, bound);
    },
  };
}

/** Σ a·b and Σ |a·b| in float64. */
function dot(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] {
  let s = 0;
  let abs = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i] * b[i];
    abs += Math.abs(a[i] * b[i]);
  }
  return [s, abs];
}

function expectAdjoint(label: string, lhs: [number, number], rhs: [number, number], ctx: ConformanceContext) {
  const { atol, rtol } = ctx.tolerance.reduction;
  const diff = Math.abs(lhs[0] - rhs[0]);
  expectTrue(
    diff <= atol + rtol * Math.max(lhs[1], rhs[1]) && lhs[1] > 0,
    `${label}: <forward(x), y> = ${lhs[0]} but <x, adjoint(y)> = ${rhs[0]} (|diff| ${diff.toExponential(2)}, Σ|terms| ${lhs[1]})`,
  );
}

/**
 * The adjoint identities, from the backend's own outputs: <im2col(x), c> = <x, col2im(c)>,
 * <maxPool(x), dy> = <x, maxPoolBackward(dy, argmax)>, <avgPool(x), dy> = <x, avgPoolBackward(dy)>.
 * A wrong backward op (or a wrong forward one) breaks them for random x, c, dy.
 */
function adjointCase(o: WindowGeometryOptions): ConformanceCase {
  const name = `windows adjoint identities: ${describe(o)}`;
  return {
    name,
    group: 'windows',
    run: async (backend, ctx) => {
      const { g, s, x, cols: c, dy } = operands(o, ctx.seed);
      const [patches, back, pooled, argmax, avg, maxBack, avgBack] = await runWindowOp(
        backend,
        [
          { data: x, shape: s.image },
          { data: c, shape: s.cols },
          { data: dy, shape: s.pooled },
        ],
        [s.cols, s.image, s.pooled, s.pooled, s.pooled, s.image, s.image],
        ([oc, ox, om, oa, oavg, omb, oab], [tx, tc, tdy]) => {
          backend.im2col(oc, tx, g);
          backend.col2im(ox, tc, g);
          backend.maxPool(om, oa, tx, g);
          backend.avgPool(oavg, tx, g);
          backend.maxPoolBackward(omb, tdy, oa, g);
          backend.avgPoolBackward(oab, tdy, g);
        },
      );
      expectTrue(argmax.length === pooled.length, 'argmax read back');
      expectAdjoint(`${name}: im2col/col2im`, dot(patches, c), dot(x, back), ctx);
      expectAdjoint(`${name}: maxPool`, dot(pooled, dy), dot(x, maxBack), ctx);
      expectAdjoint(`${name}: avgPool`, dot(avg, dy), dot(x, avgBack), ctx);
    },
  };
}

export function windowCases(large = true): ConformanceCase[] {
  const geometries = large ? [...GEOMETRIES, LARGE] : GEOMETRIES;
  return [
    ...windowHandCases(),
    ...geometries.map(randomCase),
    ...geometries.map(adjointCase),
    ...windowEdgeCases(),
  ];
}
