import { describe, expect, it } from 'vitest';
import { alphaImage, centreDigit, type GreyImage, inkExtent } from './digit-preprocess.js';

/** A blank image with the listed pixels set to 1. */
function image(width: number, height: number, pixels: [number, number][]): GreyImage {
  const data = new Float32Array(width * height);
  for (const [x, y] of pixels) data[y * width + x] = 1;
  return { width, height, data };
}

const box = (x0: number, y0: number, w: number, h: number): [number, number][] =>
  Array.from({ length: w * h }, (_, i) => [x0 + (i % w), y0 + Math.floor(i / w)]);

describe('inkExtent', () => {
  it('gives the half-open bounding box and the centre of mass with pixel centres at i + 0.5', () => {
    // pixels (1, 2) and (3, 2): centre of mass (2.5, 2.5), box x 1..4, y 2..3
    expect(
      inkExtent(
        image(5, 5, [
          [1, 2],
          [3, 2],
        ]),
      ),
    ).toEqual({ x0: 1, y0: 2, x1: 4, y1: 3, cx: 2.5, cy: 2.5, mass: 2 });
    expect(inkExtent(image(5, 5, []))).toBeNull();
  });
});

describe('centreDigit', () => {
  it('a 4-pixel blob in a corner lands with its centre of mass at (14, 14), scaled to a 20-pixel box', () => {
    const out = centreDigit(image(28, 28, box(2, 3, 2, 2)));
    const ink = inkExtent(out)!;
    expect(Math.abs(ink.cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(ink.cy - 14)).toBeLessThanOrEqual(0.5);
    expect(ink.x1 - ink.x0).toBeLessThanOrEqual(20);
    expect(ink.y1 - ink.y0).toBeLessThanOrEqual(20);
    // 2×2 pixels scaled 10×: a 20×20 square of full ink, 400 pixels, at 4..24
    expect(ink).toMatchObject({ x0: 4, y0: 4, x1: 24, y1: 24 });
    expect(ink.mass).toBeCloseTo(400, 4);
  });

  it('keeps the aspect ratio: a 40×4 bar of a 280-pixel pad becomes 20×2', () => {
    const out = centreDigit(image(280, 280, box(200, 30, 40, 4)));
    const ink = inkExtent(out)!;
    expect(ink.x1 - ink.x0).toBe(20);
    expect(ink.y1 - ink.y0).toBe(2);
    expect(ink.cx).toBeCloseTo(14, 6);
    expect(ink.cy).toBeCloseTo(14, 6);
    // area resampling keeps ink: 160 source pixels × (20/40)² = 40 output pixels of full ink
    expect(ink.mass).toBeCloseTo(40, 4);
  });

  it('centres the centre of mass, not the bounding box: an L puts its heavy corner near the middle', () => {
    // a vertical stroke of 10 and a foot of 10 to its right: mass sits low and left
    const L = [...box(50, 50, 2, 10), ...box(52, 58, 8, 2)];
    const out = centreDigit(image(100, 100, L));
    const ink = inkExtent(out)!;
    expect(ink.cx).toBeCloseTo(14, 5);
    expect(ink.cy).toBeCloseTo(14, 5);
    // the box (10×10 → 20×20) is off-centre, towards the top right
    expect((ink.x0 + ink.x1) / 2).toBeGreaterThan(14.5);
    expect((ink.y0 + ink.y1) / 2).toBeLessThan(13.5);
    // a 20-pixel box at a fractional offset touches 21 pixels, the end ones in part
    expect(ink.x1 - ink.x0).toBeLessThanOrEqual(21);
    // 36 source pixels × (20/10)² = 144 output pixels' worth of ink
    expect(ink.mass).toBeCloseTo(144, 3);
  });

  it('gives a blank 28×28 image for a blank drawing, and refuses data of the wrong size', () => {
    const out = centreDigit(image(280, 280, []));
    expect(out.data).toHaveLength(784);
    expect(out.data.every((v) => v === 0)).toBe(true);
    expect(() => centreDigit({ width: 10, height: 10, data: new Float32Array(99) })).toThrow(
      /99 values, 10×10 needs 100/,
    );
  });
});

describe('alphaImage', () => {
  it('reads the alpha channel as ink in [0, 1]', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 9, 9, 9, 0, 0, 0, 0, 51]);
    const ink = alphaImage(rgba, 3, 1).data;
    expect(ink[0]).toBe(1);
    expect(ink[1]).toBe(0);
    expect(ink[2]).toBeCloseTo(0.2, 6);
  });
});
