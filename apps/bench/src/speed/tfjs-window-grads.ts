import type * as Tf from '@tensorflow/tfjs-core';
import type { TfModule } from './tfjs-runtime.js';

/**
 * The filter gradient of a stride-1 'valid' `tf.conv2d`, written as another conv2d so it runs
 * on tfjs's own conv kernels (tfjs-wasm 4.22 registers no Conv2DBackpropFilter):
 * dW[ky, kx, c, o] = Σ_{b, y, x} x[b, y + ky, x + kx, c] · dy[b, y, x, o], i.e. conv2d of
 * xᵀ [C, H, W, B] with dyᵀ [outH, outW, B, O] as the filter, [C, kH, kW, O], transposed back.
 */
export function conv2dFilterGrad(tf: TfModule, x: Tf.Tensor4D, dy: Tf.Tensor4D): Tf.Tensor4D {
  const swapped = tf.conv2d(tf.transpose(x, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]), 1, 'valid');
  return tf.transpose(swapped, [1, 2, 0, 3]);
}

/** x [b, oh·size (+ rest), ow·size (+ rest), c] cut into windows: [b, oh, size, ow, size, c]. */
function windows(tf: TfModule, x: Tf.Tensor4D, oh: number, ow: number, size: number): Tf.Tensor {
  const [b, , , c] = x.shape;
  return tf.reshape(tf.slice(x, [0, 0, 0, 0], [b, oh * size, ow * size, c]), [b, oh, size, ow, size, c]);
}

/** Spread [b, oh, size, ow, size, c] back to x's shape, zeros in the rows and columns no window covers. */
function unwindow(tf: TfModule, t: Tf.Tensor, like: Tf.Tensor4D, oh: number, ow: number, size: number) {
  const [b, h, w, c] = like.shape;
  const whole = tf.reshape(t, [b, oh * size, ow * size, c]);
  return tf.pad(whole, [
    [0, 0],
    [0, h - oh * size],
    [0, w - ow * size],
    [0, 0],
  ]) as Tf.Tensor4D;
}

/**
 * The input gradient of a 'valid' max pool with non-overlapping `size` windows: each window's
 * dy goes to the entries equal to its max (y). Written with plain ops: tfjs-wasm 4.22's
 * MaxPoolGrad gave a first-layer gradient different from tfjs-cpu's and rfa's on a small
 * LeNet (a trainer test caught it), so the race does not use it.
 */
export function maxPoolInputGrad(
  tf: TfModule,
  x: Tf.Tensor4D,
  y: Tf.Tensor4D,
  dy: Tf.Tensor4D,
  size: number,
): Tf.Tensor4D {
  const [b, oh, ow, c] = y.shape;
  const at = (t: Tf.Tensor4D) => tf.reshape(t, [b, oh, 1, ow, 1, c]);
  const mask = tf.cast(tf.equal(windows(tf, x, oh, ow, size), at(y)), 'float32');
  return unwindow(tf, tf.mul(mask, at(dy)), x, oh, ow, size);
}

/** The input gradient of a 'valid' average pool with non-overlapping `size` windows: dy / size² everywhere in its window. */
export function avgPoolInputGrad(tf: TfModule, x: Tf.Tensor4D, dy: Tf.Tensor4D, size: number): Tf.Tensor4D {
  const [b, oh, ow, c] = dy.shape;
  const spread = tf.mul(tf.ones([b, oh, size, ow, size, c]), tf.reshape(dy, [b, oh, 1, ow, 1, c]));
  return unwindow(tf, tf.div(spread, size * size), x, oh, ow, size);
}
