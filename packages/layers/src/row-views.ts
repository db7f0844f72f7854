import { reshapeView, type Tensor } from '@rfa/tensor';

/**
 * No-copy views of [batch, positions·channels] tensors as [batch·positions, channels] rows,
 * one per tensor, made on first use and reused: the NHWC image batch seen as one row per
 * pixel, so a conv layer's products are plain gemms and its bias a per-column add. Keyed
 * weakly, so a view goes with its tensor.
 */
export class RowViews {
  private readonly views = new WeakMap<Tensor, Tensor>();

  constructor(readonly channels: number) {}

  of(t: Tensor): Tensor {
    let v = this.views.get(t);
    if (!v) {
      v = reshapeView(t, [t.size / this.channels, this.channels]);
      this.views.set(t, v);
    }
    return v;
  }
}
