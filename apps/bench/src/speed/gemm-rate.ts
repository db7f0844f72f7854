import type { Contender } from '@rfa/experiments/internal';
import { type Backend, Rng, type Tensor } from '@rfa/tensor';
import type { TfjsPeer, TfModule } from '@rfa/tfjs-peers';
import type * as Tf from '@tensorflow/tfjs-core';

/** The product timed: (M×K)·(K×N), a batch of 128 through the 784→1000 layer. */
export const GEMM_SHAPE = { m: 128, k: 784, n: 1000 } as const;
export type GemmShape = { m: number; k: number; n: number };

const gflops = (shape: GemmShape, reps: number, ms: number) =>
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
    return gflops(this.shape, reps, performance.now() - start);
  }

  dispose(): void {
    for (const t of [this.a, this.b, this.c]) t.dispose();
  }
}

/** GFLOP/s of `tf.matMul(a, b)` on one tfjs backend; `dataSync` of the last product waits for it. */
export class TfjsGemmContender implements Contender {
  readonly impl: string;

  private constructor(
    private readonly tf: TfModule,
    private readonly peer: TfjsPeer,
    private readonly shape: GemmShape,
    private readonly a: Tf.Tensor2D,
    private readonly b: Tf.Tensor2D,
  ) {
    this.impl = peer.impl;
  }

  static async create(tf: TfModule, peer: TfjsPeer, shape: GemmShape): Promise<TfjsGemmContender> {
    await tf.setBackend(peer.backendName);
    const a = tf.randomUniform([shape.m, shape.k], 0, 1, 'float32', 7) as Tf.Tensor2D;
    const b = tf.randomUniform([shape.k, shape.n], -0.05, 0.05, 'float32', 8) as Tf.Tensor2D;
    return new TfjsGemmContender(tf, peer, shape, a, b);
  }

  async activate(): Promise<void> {
    await this.tf.setBackend(this.peer.backendName);
  }

  async run(seconds: number): Promise<number> {
    const start = performance.now();
    let reps = 0;
    let c: Tf.Tensor2D | null = null;
    do {
      c?.dispose();
      c = this.tf.matMul(this.a, this.b);
      reps++;
    } while (performance.now() - start < seconds * 1000);
    c.dataSync();
    c.dispose();
    return gflops(this.shape, reps, performance.now() - start);
  }

  dispose(): void {
    this.a.dispose();
    this.b.dispose();
  }
}
