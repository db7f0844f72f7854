/** MNIST's side, the box its digits are scaled into, and the point their centre of mass is put on. */
const MNIST_SIDE = 28;
const MNIST_BOX = 20;
const CENTRE = MNIST_SIDE / 2;

/** A grey image, row-major, values in [0, 1] (0 = no ink). */
export interface GreyImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** The ink's bounding box (half-open, in pixels) and centre of mass (pixel centres at i + 0.5); null for a blank image. */
export function inkExtent(
  img: GreyImage,
): { x0: number; y0: number; x1: number; y1: number; cx: number; cy: number; mass: number } | null {
  let x0 = img.width;
  let y0 = img.height;
  let x1 = 0;
  let y1 = 0;
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x];
      if (v <= 0) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  return mass > 0 ? { x0, y0, x1, y1, cx: sx / mass, cy: sy / mass, mass } : null;
}

/** Length of the overlap of [a0, a1) and [b0, b1). */
const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/**
 * A drawing as MNIST's digits were made: the ink's bounding box scaled (aspect kept) so
 * its longer side is 20 pixels, then placed in a 28×28 image with its centre of mass at
 * the image's centre (14, 14). Resampling is by area (each output pixel the mean of the
 * source it covers), so ink is neither lost nor smeared by sampling. A blank drawing
 * gives a blank image. Values are clipped to [0, 1].
 * @example
 * const pixels = centreDigit({ width: 280, height: 280, data: alpha }).data; // 784 values
 */
export function centreDigit(img: GreyImage): GreyImage {
  if (img.data.length !== img.width * img.height)
    throw new RangeError(
      `centreDigit: data has ${img.data.length} values, ${img.width}×${img.height} needs ${img.width * img.height}`,
    );
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  const ink = inkExtent(img);
  if (!ink) return { width: MNIST_SIDE, height: MNIST_SIDE, data: out };
  const scale = MNIST_BOX / Math.max(ink.x1 - ink.x0, ink.y1 - ink.y0);
  // output u ↔ source x = cx + (u − 14) / scale: the centre of mass lands on (14, 14)
  const toSource = (u: number, c: number) => c + (u - CENTRE) / scale;
  const span = (o: number, c: number, limit: number) => {
    const a = toSource(o, c);
    const b = toSource(o + 1, c);
    return { a, b, from: Math.max(0, Math.floor(a)), to: Math.min(limit, Math.ceil(b)) };
  };
  for (let oy = 0; oy < MNIST_SIDE; oy++) {
    const ys = span(oy, ink.cy, img.height);
    for (let ox = 0; ox < MNIST_SIDE; ox++) {
      const xs = span(ox, ink.cx, img.width);
      let sum = 0;
      for (let y = ys.from; y < ys.to; y++) {
        const wy = overlap(ys.a, ys.b, y, y + 1);
        for (let x = xs.from; x < xs.to; x++)
          sum += wy * overlap(xs.a, xs.b, x, x + 1) * img.data[y * img.width + x];
      }
      // the mean over the source area, which is (1 / scale)² source pixels
      out[oy * MNIST_SIDE + ox] = Math.min(1, sum * scale * scale);
    }
  }
  return { width: MNIST_SIDE, height: MNIST_SIDE, data: out };
}

/** A canvas's ink (its alpha channel) as a grey image. */
export function alphaImage(rgba: Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + 3] / 255;
  return { width, height, data };
}
