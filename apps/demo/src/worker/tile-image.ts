/** A grid of weight tiles as RGBA pixels, one pixel per weight, a transparent pixel between tiles. */
export interface TileImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /** One tile's width in weights (28 for a dense layer on MNIST, 5 for LeNet's kernels). */
  tileWidth: number;
  /** One tile's height in weights. */
  tileHeight: number;
}

/**
 * First-layer weights (`units` rows of tileW·tileH: 784 for a dense layer on 28×28 images, a
 * conv layer's kH·kW kernels) as a grid of grey tiles, `perRow` to a row, each scaled to its own
 * largest |w|: white positive, black negative, grey zero. Made in the worker so the page only
 * puts the pixels on a canvas (and lets CSS scale them up).
 */
export function tileImage(
  pixels: Float32Array,
  units: number,
  perRow = 4,
  tileW = 28,
  tileH = tileW,
): TileImage {
  const size = tileW * tileH;
  const width = perRow * (tileW + 1) - 1;
  const height = Math.ceil(units / perRow) * (tileH + 1) - 1;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let u = 0; u < units; u++) {
    const w = pixels.subarray(u * size, (u + 1) * size);
    let max = 1e-12;
    for (const v of w) max = Math.max(max, Math.abs(v));
    const ox = (u % perRow) * (tileW + 1);
    const oy = Math.floor(u / perRow) * (tileH + 1);
    for (let p = 0; p < size; p++) {
      const i = ((oy + Math.floor(p / tileW)) * width + ox + (p % tileW)) * 4;
      data[i] = data[i + 1] = data[i + 2] = Math.round(128 + 127 * (w[p] / max));
      data[i + 3] = 255;
    }
  }
  return { width, height, data, tileWidth: tileW, tileHeight: tileH };
}
