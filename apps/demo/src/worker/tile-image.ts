/** A grid of 28×28 weight tiles as RGBA pixels, one pixel per weight, a transparent pixel between tiles. */
export interface TileImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * First-layer weights (`units` rows of 784) as a grid of 28×28 grey tiles, `perRow` to a row,
 * each scaled to its own largest |w|: white positive, black negative, grey zero. Made in the
 * worker so the page only puts the pixels on a canvas (and lets CSS scale them up).
 */
export function tileImage(pixels: Float32Array, units: number, perRow = 4): TileImage {
  const width = perRow * 29 - 1;
  const height = Math.ceil(units / perRow) * 29 - 1;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let u = 0; u < units; u++) {
    const w = pixels.subarray(u * 784, (u + 1) * 784);
    let max = 1e-12;
    for (const v of w) max = Math.max(max, Math.abs(v));
    const ox = (u % perRow) * 29;
    const oy = Math.floor(u / perRow) * 29;
    for (let p = 0; p < 784; p++) {
      const i = ((oy + Math.floor(p / 28)) * width + ox + (p % 28)) * 4;
      data[i] = data[i + 1] = data[i + 2] = Math.round(128 + 127 * (w[p] / max));
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}
