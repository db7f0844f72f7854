import { type Backend, type Shape, scopeAsync, type Tensor, type WindowGeometry } from '@rfa/tensor';

/** The operand shapes of the window ops for a geometry: images, patch rows, pooled images. */
export function windowShapes(g: WindowGeometry): Record<'image' | 'cols' | 'pooled', Shape> {
  return {
    image: [g.batch, g.height * g.width * g.channels],
    cols: [g.batch * g.outHeight * g.outWidth, g.kernelHeight * g.kernelWidth * g.channels],
    pooled: [g.batch, g.outHeight * g.outWidth * g.channels],
  };
}

/**
 * Uploads `inputs`, makes zeroed outputs of `outShapes` (filled with `garbage` first when
 * given, so an op that must overwrite cannot lean on zeros), runs `op(outputs, inputs)` and
 * reads every output back; frees everything it made.
 */
export async function runWindowOp(
  backend: Backend,
  inputs: { data: ArrayLike<number>; shape: Shape }[],
  outShapes: Shape[],
  op: (outs: Tensor[], ins: Tensor[]) => void,
  garbage?: number,
): Promise<Float32Array[]> {
  return scopeAsync(async () => {
    const ins = inputs.map((x) => backend.fromArray(x.data, x.shape));
    const outs = outShapes.map((s) => backend.zeros(s));
    if (garbage !== undefined) for (const o of outs) backend.fill(o, garbage);
    op(outs, ins);
    const values: Float32Array[] = [];
    for (const o of outs) values.push(await o.read());
    return values;
  });
}
