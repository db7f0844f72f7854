import type * as Tf from '@tensorflow/tfjs-core';
import type { TfModule } from './peer.js';

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

/** [b, oh, ow, c] → [b, oh·size, ow·size, c], each value repeated over its window (nearest-neighbour upsampling). */
function spreadOver(tf: TfModule, t: Tf.Tensor4D, size: number): Tf.Tensor4D {
  return tf.image.resizeNearestNeighbor(t, [t.shape[1] * size, t.shape[2] * size]);
}

/** Pads a [b, oh·size, ow·size, c] gradient with zeros to x's shape (rows and columns no window covers). */
function padTo(tf: TfModule, t: Tf.Tensor4D, like: Tf.Tensor4D): Tf.Tensor4D {
  const [, h, w] = like.shape;
  return tf.pad(t, [
    [0, 0],
    [0, h - t.shape[1]],
    [0, w - t.shape[2]],
    [0, 0],
  ]);
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
  // upsampled by resizeNearestNeighbor (4-D kernels): tfjs-wasm's 6-D broadcasting Equal and Tile took most of the step (measured)
  const [b, h, w, c] = [x.shape[0], y.shape[1] * size, y.shape[2] * size, x.shape[3]];
  const whole = tf.slice(x, [0, 0, 0, 0], [b, h, w, c]);
  const mask = tf.cast(tf.equal(whole, spreadOver(tf, y, size)), 'float32');
  return padTo(tf, tf.mul(mask, spreadOver(tf, dy, size)), x);
}

/** The input gradient of a 'valid' average pool with non-overlapping `size` windows: dy / size² everywhere in its window. */
export function avgPoolInputGrad(tf: TfModule, x: Tf.Tensor4D, dy: Tf.Tensor4D, size: number): Tf.Tensor4D {
  return padTo(tf, tf.div(spreadOver(tf, dy, size), size * size), x);
}
