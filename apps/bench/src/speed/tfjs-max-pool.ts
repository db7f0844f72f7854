import type * as Tf from '@tensorflow/tfjs-core';
import type { TfModule } from './tfjs-runtime.js';

/**
 * `tf.maxPool` over non-overlapping `size` × `size` windows ('valid', stride = size) whose
 * gradient is written with plain ops: dx = dy, spread over each window, where x equals the
 * window's max. tfjs-wasm 4.22's MaxPoolGrad kernel returned a different first-layer
 * gradient from tfjs-cpu's and rfa's on LeNet-shaped nets (see tfjs-conv-trainer.test.ts),
 * so the wasm peer does not go through it. The forward pass is tfjs's own `maxPool`.
 */
export function trainableMaxPool(tf: TfModule, size: number): (x: Tf.Tensor4D) => Tf.Tensor4D {
  return tf.customGrad((x, save) => {
    const input = x as Tf.Tensor4D;
    const y = tf.maxPool(input, size, size, 'valid');
    (save as Tf.GradSaveFunc)([input, y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [xs, ys] = saved as [Tf.Tensor4D, Tf.Tensor4D];
        const [b, h, w, c] = xs.shape;
        const [oh, ow] = [ys.shape[1], ys.shape[2]];
        // crop to whole windows, split each axis into (window, offset), compare with the window's max
        const whole = tf.slice(xs, [0, 0, 0, 0], [b, oh * size, ow * size, c]);
        const windows = tf.reshape(whole, [b, oh, size, ow, size, c]);
        const mask = tf.cast(tf.equal(windows, tf.reshape(ys, [b, oh, 1, ow, 1, c])), 'float32');
        const spread = tf.mul(mask, tf.reshape(dy, [b, oh, 1, ow, 1, c]));
        const dx = tf.reshape(spread, [b, oh * size, ow * size, c]);
        return tf.pad(dx, [
          [0, 0],
          [0, h - oh * size],
          [0, w - ow * size],
          [0, 0],
        ]);
      },
    };
  }) as (x: Tf.Tensor4D) => Tf.Tensor4D;
}
