import { Rng } from '@rfa/tensor';
import { expectClose, refGemmFrom } from '@rfa/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmGemm } from './wasm-gemm.js';
import { createWasmKernels } from './wasm-instance.js';

// The paths a 784-1000-10 training step takes, each against a float64 reference:
// beta folded into the packed kernel (0 must ignore NaN in C, 1 accumulates), and
// the threaded thin products of batch 1 (gemv x·Wᵀ split by columns, rank-1
// update split by rows), which must really run partly on the worker.

/** Index of the first entry whose bits differ, or -1 (a quick exact compare of large arrays). */
function firstDifference(a: Float32Array, b: Float32Array): number {
  const [x, y] = [
    new Uint32Array(a.buffer, a.byteOffset, a.length),
    new Uint32Array(b.buffer, b.byteOffset, b.length),
  ];
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

describe('WasmGemm paths of a training step, two threads', () => {
  const kernels = createWasmKernels();
  const gemm = new WasmGemm(kernels, { threads: 2, thinThreadMinWork: 400_000 });
  const rng = new Rng(11);
  const fill = (len: number) => Float32Array.from({ length: len }, () => rng.uniform() * 2 - 1);
  beforeAll(async () => {
    expect(await gemm.whenReady()).toBe(2);
  });
  afterAll(() => gemm.dispose());

  /** Runs C = alpha·op(A)·op(B) + beta·C0 `reps` times from the same C0; returns the worker chunks it took. */
  function check(
    m: number,
    n: number,
    k: number,
    tA: boolean,
    tB: boolean,
    alpha: number,
    beta: number,
    c0: Float32Array,
    reps = 1,
    atol = 1e-5,
  ) {
    const { heap } = kernels;
    const [pa, pb, pc] = [heap.alloc(4 * m * k), heap.alloc(4 * k * n), heap.alloc(4 * m * n)];
    const a = fill(m * k);
    const b = fill(k * n);
    heap.f32(pa, m * k).set(a);
    heap.f32(pb, k * n).set(b);
    const want = refGemmFrom(c0, a, b, m, n, k, tA, tB, alpha, beta);
    const before = gemm.workerChunks;
    for (let r = 0; r < reps; r++) {
      heap.f32(pc, m * n).set(c0);
      gemm.run(pc, pa, pb, m, n, k, tA, tB, alpha, beta);
      expectClose(heap.f32(pc, m * n), want, { atol, rtol: 1e-5 }, `gemm ${m}×${n}×${k} rep ${r}`);
    }
    for (const [p, bytes] of [
      [pa, m * k],
      [pb, k * n],
      [pc, m * n],
    ])
      heap.free(p, 4 * bytes);
    return gemm.workerChunks - before;
  }

  it.each([
    [128, 1000, 784, false, true],
    [1000, 784, 128, true, false],
    [130, 1100, 300, false, false],
  ])('packed %i×%i×%i (transA %s, transB %s): beta 0 overwrites a C full of NaN', (m, n, k, tA, tB) => {
    check(m, n, k, tA, tB, 0.5, 0, new Float32Array(m * n).fill(Number.NaN));
  });

  it.each([
    [128, 1000, 784, false, true],
    [1000, 784, 128, true, false],
  ])(
    'packed %i×%i×%i (transA %s, transB %s): beta 1 accumulates, as the weight update does',
    (m, n, k, tA, tB) => {
      check(m, n, k, tA, tB, 1e-3, 1, fill(m * n));
    },
  );

  // a worker that wakes late may find every chunk taken (on a loaded machine, many times over), so
  // rounds of repetitions give it the chance; a pool whose worker never runs a chunk still fails
  const workerShare = (round: () => number, rounds = 25) => {
    let chunks = 0;
    for (let r = 0; r < rounds && chunks === 0; r++) chunks += round();
    return chunks;
  };

  it('gemv x·Wᵀ at batch 1 (1×1000×784) splits its columns over both threads', () => {
    expect(workerShare(() => check(1, 1000, 784, false, true, 1, 0, fill(1000), 40))).toBeGreaterThan(0);
  });

  it('rank-1 update δᵀ·x at batch 1 (1000×784×1, beta 1) splits its rows over both threads', () => {
    expect(workerShare(() => check(1000, 784, 1, true, false, 0.1, 1, fill(1000 * 784), 40))).toBeGreaterThan(
      0,
    );
  });

  it('ragged threaded thin products (1×1001×400, 1001×403×1) keep every row and column', () => {
    check(1, 1001, 400, false, true, 1, 0.5, fill(1001), 5);
    check(1001, 403, 1, true, false, -1, 1, fill(1001 * 403), 5);
  });

  // the unpacked few-row kernels (asm/gemm-few.ts): 10 images side by side, ragged edges, a last
  // tile of 1–3 rows, an odd k; beta 0 must ignore NaN in C, beta 0.1 is the leaky integration
  // one f32 accumulator a sum (the packed kernel splits k in blocks of 256): rounding grows
  // like eps·√k·|partial sums| ≈ 2e-5 at k = 1000 for these operands in [-1, 1]
  const sumTol = (k: number) => Math.max(1e-5, 6e-8 * k);
  it.each([
    ['forward x·Wᵀ (dots)', 10, 1500, 784, false, true],
    ['forward, ragged', 13, 301, 257, false, true],
    ['forward, one row short of a tile', 7, 99, 33, false, true],
    ['feedback φ(U)·B (row tiles)', 10, 1500, 1000, false, false],
    ['feedback, ragged', 14, 1003, 301, false, false],
    ['feedback from transposed A', 9, 205, 117, true, false],
    ['update δᵀ·s (short k)', 1000, 784, 10, true, false],
    ['update, ragged', 1001, 403, 13, true, false],
    ['update, plain A', 301, 1005, 5, false, false],
  ])('few-row path, %s %i×%i×%i: beta 0 over NaN, beta 0.1, beta 1', (_name, m, n, k, tA, tB) => {
    check(m, n, k, tA, tB, 0.9, 0, new Float32Array(m * n).fill(Number.NaN), 1, sumTol(k));
    check(m, n, k, tA, tB, 0.9, 0.1, fill(m * n), 1, sumTol(k));
    check(m, n, k, tA, tB, -1e-3, 1, fill(m * n), 1, sumTol(k));
  });

  it('few-row products large enough to share run partly on the worker', () => {
    expect(
      workerShare(() => check(10, 1500, 784, false, true, 0.9, 0.1, fill(10 * 1500), 20, sumTol(784))),
    ).toBeGreaterThan(0);
    expect(
      workerShare(() => check(10, 1500, 1000, false, false, 0.9, 0.1, fill(10 * 1500), 20, sumTol(1000))),
    ).toBeGreaterThan(0);
    expect(
      workerShare(() => check(1500, 784, 10, true, false, 1e-3, 1, fill(1500 * 784), 20)),
    ).toBeGreaterThan(0);
  });

  it('matches the packed kernel it replaces to float32 rounding (the same product both ways)', () => {
    const packed = new WasmGemm(kernels, { pool: gemm.pool, fewMax: 0 });
    const { heap } = kernels;
    const [m, n, k] = [10, 700, 500];
    const [pa, pb, p1, p2] = [
      heap.alloc(4 * m * k),
      heap.alloc(4 * k * n),
      heap.alloc(4 * m * n),
      heap.alloc(4 * m * n),
    ];
    heap.f32(pa, m * k).set(fill(m * k));
    heap.f32(pb, k * n).set(fill(k * n));
    gemm.run(p1, pa, pb, m, n, k, false, false, 1, 0);
    packed.run(p2, pa, pb, m, n, k, false, false, 1, 0);
    expectClose(
      heap.f32(p1, m * n),
      heap.f32(p2, m * n),
      { atol: 2 * sumTol(k), rtol: 1e-5 },
      'few vs packed',
    );
    heap.free(pa, 4 * m * k);
    heap.free(pb, 4 * k * n);
    heap.free(p1, 4 * m * n);
    heap.free(p2, 4 * m * n);
  });

  // a last pair of rows takes its own tile (2×4 dots, 2×16 row updates) instead of a padded
  // 4-row one; each entry must still be the same sum in the same order: rows 0..9 of a
  // 10-row product equal, bit for bit, those of the 11-row product (its last three rows padded)
  it.each([
    ['forward x·Wᵀ (dots)', 1501, 783, false, true],
    ['feedback φ(U)·B (row tiles)', 1500, 1000, false, false],
    ['feedback, ragged columns', 1003, 301, false, false],
  ])('few-row path, %s: the 2-row tile gives the padded tile’s numbers', (_name, n, k, tA, tB) => {
    const { heap } = kernels;
    const a = fill(11 * k);
    const b = fill(k * n);
    const [pa, pb, p10, p11] = [
      heap.alloc(4 * 11 * k),
      heap.alloc(4 * k * n),
      heap.alloc(4 * 10 * n),
      heap.alloc(4 * 11 * n),
    ];
    heap.f32(pa, 11 * k).set(a);
    heap.f32(pb, k * n).set(b);
    gemm.run(p10, pa, pb, 10, n, k, tA, tB, 0.9, 0);
    gemm.run(p11, pa, pb, 11, n, k, tA, tB, 0.9, 0);
    expect(firstDifference(heap.f32(p10, 10 * n), heap.f32(p11, 10 * n))).toBe(-1);
    for (const [p, size] of [
      [pa, 11 * k],
      [pb, k * n],
      [p10, 10 * n],
      [p11, 11 * n],
    ])
      heap.free(p, 4 * size);
  });

  // updateThenProject: the update and the product through the new W in one pass over W,
  // band by band, must give the very numbers of the two products run apart (same kernels,
  // same order per entry), on one thread and split over both
  it.each([
    ['the spiking first layer', 1500, 784, 10, 10],
    ['a 1500×1500 layer', 1500, 1500, 10, 10],
    ['ragged, odd rank and rows', 1003, 301, 13, 7],
    ['too thin to fuse (two runs)', 12, 9, 3, 2],
  ])(
    'updateThenProject, %s (W %i×%i, rank %i, %i rows) equals the two products bit for bit',
    (_n, n, m, p, q) => {
      const { heap } = kernels;
      const sizes = { w: n * m, d: p * n, s: p * m, x: q * m, y: q * n };
      const host = Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, fill(v)])) as Record<
        keyof typeof sizes,
        Float32Array
      >;
      /** A copy of the operands in wasm memory: their pointers by name. */
      const at = () =>
        Object.fromEntries(
          Object.entries(sizes).map(([k, v]) => {
            const ptr = heap.alloc(4 * v);
            heap.f32(ptr, v).set(host[k as keyof typeof sizes]);
            return [k, ptr];
          }),
        ) as Record<keyof typeof sizes, number>;
      const one = new WasmGemm(kernels);
      for (const g of [one, gemm]) {
        const [f, a] = [at(), at()];
        g.updateThenProject(f.w, f.d, f.s, f.x, f.y, n, m, p, q, 1e-3, 1 - 1e-8, 0.9, 0.1);
        g.run(a.w, a.d, a.s, n, m, p, true, false, 1e-3, 1 - 1e-8);
        g.run(a.y, a.x, a.w, q, n, m, false, true, 0.9, 0.1);
        expect(firstDifference(heap.f32(f.w, sizes.w), heap.f32(a.w, sizes.w))).toBe(-1);
        expect(firstDifference(heap.f32(f.y, sizes.y), heap.f32(a.y, sizes.y))).toBe(-1);
        // and the update did happen
        expect(firstDifference(heap.f32(f.w, sizes.w), host.w)).toBeGreaterThanOrEqual(0);
        if (g === gemm && n * m >= 1500 * 784) {
          // the worker claims chunks as the caller does; on a busy machine it may wake after
          // the caller took them all, so share a few times (as the few-row test above does)
          const before = gemm.workerChunks;
          for (let r = 0; r < 20; r++)
            g.updateThenProject(a.w, a.d, a.s, a.x, a.y, n, m, p, q, 1e-3, 1 - 1e-8, 0.9, 0.1);
          expect(gemm.workerChunks - before).toBeGreaterThan(0);
        }
        for (const ptrs of [f, a])
          for (const [k, v] of Object.entries(sizes)) heap.free(ptrs[k as keyof typeof sizes], 4 * v);
      }
      one.dispose();
    },
  );
});
