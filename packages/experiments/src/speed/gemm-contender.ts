import { type Backend, Rng, type Tensor } from '@rfa/tensor';
import type { Contender } from './interleave.js';

/** The product timed: (M×K)·(K×N), a batch of 128 through the 784→1000 layer. */
export const GEMM_SHAPE = { m: 128, k: 784, n: 1000 } as const;
export type GemmShape = { m: number; k: number; n: number };

/** GFLOP/s of `reps` products of `shape` in `ms` milliseconds. */
export const gemmGflops = (shape: GemmShape, reps: number, ms: number): number =>
  (2 * shape.m * shape.k * shape.n * reps) / (ms * 1e6);

/** GFLOP/s of `backend.gemm(c, a, b)`; one read of c at the end waits for queued work. */
export class RfaGemmContender implements Contender {
  private readonly a: Tensor;
  private readonly b: Tensor;
  private readonly c: Tensor;

  constructor(
    readonly impl: string,
    private readonly backend: Backend,
    private readonly shape: GemmShape,
  ) {
    const rng = new Rng(7);
    this.a = backend.zeros([shape.m, shape.k]);
    this.b = backend.zeros([shape.k, shape.n]);
    this.c = backend.zeros([shape.m, shape.n]);
    backend.randomUniform(this.a, rng, 0, 1);
    backend.randomUniform(this.b, rng, -0.05, 0.05);
  }

  async activate(): Promise<void> {}

  async run(seconds: number): Promise<number> {
    const start = performance.now();
    let reps = 0;
    do {
      this.backend.gemm(this.c, this.a, this.b);
      reps++;
    } while (performance.now() - start < seconds * 1000);
    await this.c.read();
    return gemmGflops(this.shape, reps, performance.now() - start);
  }

  dispose(): void {
    for (const t of [this.a, this.b, this.c]) t.dispose();
  }
}
