import { expectClose } from '@rfa/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTfjs } from './load-tfjs.js';
import type { TfjsRuntime } from './peer.js';
import { avgPoolInputGrad, conv2dFilterGrad, maxPoolInputGrad } from './window-grads.js';

let tfjs: TfjsRuntime;
beforeAll(async () => {
  tfjs = await loadTfjs();
});

const values = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe('the window gradients the tfjs conv peer writes itself', () => {
  it('conv2dFilterGrad is Σ_b,y,x x[b, y+ky, x+kx, c]·dy[b, y, x, o] on both tfjs backends', async () => {
    const [B, H, W, C, K, O] = [2, 5, 4, 3, 2, 2];
    const [oh, ow] = [H - K + 1, W - K + 1];
    const x = values(B * H * W * C, (i) => Math.sin(i * 0.37));
    const dy = values(B * oh * ow * O, (i) => Math.cos(i * 0.53));
    const want = new Float64Array(K * K * C * O);
    for (let ky = 0; ky < K; ky++)
      for (let kx = 0; kx < K; kx++)
        for (let c = 0; c < C; c++)
          for (let o = 0; o < O; o++)
            for (let b = 0; b < B; b++)
              for (let y = 0; y < oh; y++)
                for (let xx = 0; xx < ow; xx++)
                  want[((ky * K + kx) * C + c) * O + o] +=
                    x[((b * H + y + ky) * W + xx + kx) * C + c] * dy[((b * oh + y) * ow + xx) * O + o];
    for (const peer of tfjs.peers) {
      await tfjs.tf.setBackend(peer.backendName);
      const { tf } = tfjs;
      const got = conv2dFilterGrad(tf, tf.tensor4d(x, [B, H, W, C]), tf.tensor4d(dy, [B, oh, ow, O]));
      expect(got.shape).toEqual([K, K, C, O]);
      expectClose(await got.data(), want, { atol: 1e-5, rtol: 1e-5 }, `${peer.impl} filter gradient`);
    }
  });

  it('max pool: dy goes to each window maximum, zeros elsewhere and in the uncovered last row', async () => {
    // one image 3×4, one channel, windows 2×2: the last row is outside every window
    const x = [1, 5, 2, 0, 3, 4, 7, 6, 9, 9, 9, 9];
    const y = [5, 7];
    const dy = [10, 20];
    const want = [0, 10, 0, 0, 0, 0, 20, 0, 0, 0, 0, 0];
    const avgWant = [2.5, 2.5, 5, 5, 2.5, 2.5, 5, 5, 0, 0, 0, 0];
    for (const peer of tfjs.peers) {
      await tfjs.tf.setBackend(peer.backendName);
      const { tf } = tfjs;
      const xs = tf.tensor4d(x, [1, 3, 4, 1]);
      const d = tf.tensor4d(dy, [1, 1, 2, 1]);
      const max = maxPoolInputGrad(tf, xs, tf.tensor4d(y, [1, 1, 2, 1]), d, 2);
      expectClose(await max.data(), want, { atol: 0, rtol: 0 }, `${peer.impl} max`);
      expectClose(
        await avgPoolInputGrad(tf, xs, d, 2).data(),
        avgWant,
        { atol: 1e-7, rtol: 0 },
        `${peer.impl} avg`,
      );
    }
  });
});
