import type * as Tf from '@tensorflow/tfjs-core';
import type { TfModule } from './tfjs-runtime.js';

/**
 * `tf.conv2d` (stride 1, 'valid') with a gradient the wasm backend can run: tfjs-wasm 4.22
 * registers Conv2D and Conv2DBackpropInput but not Conv2DBackpropFilter, so autodiff through
 * `tf.conv2d` fails there. The filter gradient is itself a valid convolution, batch and channels
 * swapped: dW[ky, kx, c, o] = Σ_{b, y, x} x[b, y + ky, x + kx, c] · dy[b, y, x, o], i.e. conv2d of
 * xᵀ [C, H, W, B] with dyᵀ [outH, outW, B, O] as the filter, giving [C, kH, kW, O]; so both
 * gradients run on tfjs's own conv kernels (XNNPACK in wasm).
 */
export function trainableConv2d(tf: TfModule): (x: Tf.Tensor4D, filter: Tf.Tensor4D) => Tf.Tensor4D {
  return tf.customGrad((x, filter, save) => {
    const input = x as Tf.Tensor4D;
    const w = filter as Tf.Tensor4D;
    (save as Tf.GradSaveFunc)([input, w]);
    return {
      value: tf.conv2d(input, w, 1, 'valid'),
      gradFunc: (dy, saved) => {
        const [xs, ws] = saved as [Tf.Tensor4D, Tf.Tensor4D];
        const d = dy as Tf.Tensor4D;
        const dw = tf.transpose(
          tf.conv2d(tf.transpose(xs, [3, 1, 2, 0]), tf.transpose(d, [1, 2, 0, 3]), 1, 'valid'),
          [1, 2, 0, 3],
        );
        const dx = tf.conv2dTranspose(d, ws, xs.shape, 1, 'valid');
        return [dx, dw];
      },
    };
  }) as (x: Tf.Tensor4D, filter: Tf.Tensor4D) => Tf.Tensor4D;
}
