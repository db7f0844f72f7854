import type { Backend, Tensor, WindowGeometry } from '@rfa/tensor';

/**
 * A conv layer's scratch for one batch size, held by the `ForwardCache` so a step allocates
 * nothing: the window geometry at this batch size, the im2col columns of the layer's input
 * (kept from the forward pass for the weight gradient), a second buffer of that shape for the
 * signal carried down to the input, and the max-pooling winners.
 */
export class ConvWorkspace {
  /** [batch·outH·outW, kH·kW·inChannels]: the input's patches, entry order (ky, kx, c). */
  readonly cols: Tensor;
  /** Same shape: `signal · K` before `col2im` folds it back onto the input. */
  readonly gradCols: Tensor;
  /** [batch, pooled size]: each pooled value's winner in its window (max pooling only). */
  readonly argmax: Tensor | null;

  constructor(
    backend: Backend,
    readonly conv: WindowGeometry,
    readonly pool: WindowGeometry | null,
    maxPool: boolean,
  ) {
    const rows = conv.batch * conv.outHeight * conv.outWidth;
    const width = conv.kernelHeight * conv.kernelWidth * conv.channels;
    this.cols = backend.zeros([rows, width]);
    this.gradCols = backend.zeros([rows, width]);
    this.argmax =
      pool && maxPool ? backend.zeros([pool.batch, pool.outHeight * pool.outWidth * pool.channels]) : null;
  }

  dispose(): void {
    for (const t of [this.cols, this.gradCols, this.argmax]) t?.dispose();
  }
}
