import { type Contender, type GemmShape, gemmGflops } from '@rfa/experiments/internal';
import type * as Tf from '@tensorflow/tfjs-core';
import type { TfjsPeer, TfModule } from './peer.js';
import { usePeerBackend } from './trainer-base.js';

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
    await usePeerBackend(tf, peer);
    const a = tf.randomUniform([shape.m, shape.k], 0, 1, 'float32', 7) as Tf.Tensor2D;
    const b = tf.randomUniform([shape.k, shape.n], -0.05, 0.05, 'float32', 8) as Tf.Tensor2D;
    return new TfjsGemmContender(tf, peer, shape, a, b);
  }

  /** Makes the peer's backend current, or throws TfjsLoadError: a gemm row never times another backend. */
  async activate(): Promise<void> {
    await usePeerBackend(this.tf, this.peer);
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
    return gemmGflops(this.shape, reps, performance.now() - start);
  }

  dispose(): void {
    this.a.dispose();
    this.b.dispose();
  }
}
