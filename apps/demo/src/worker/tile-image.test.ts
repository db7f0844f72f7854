import { describe, expect, it } from 'vitest';
import { tileImage } from './tile-image.js';

describe('tileImage', () => {
  it('draws each unit’s 784 weights as a 28×28 grey tile scaled to its own largest |w|', () => {
    const pixels = new Float32Array(5 * 784);
    pixels[0] = 2; // unit 0, top-left: its largest → white
    pixels[1] = -1; // half of it, negative
    pixels[4 * 784 + 783] = -0.5; // unit 4 (second row), bottom-right: its largest, negative → black
    const img = tileImage(pixels, 5, 4);
    expect([img.width, img.height]).toEqual([4 * 29 - 1, 2 * 29 - 1]);
    const grey = (x: number, y: number) => img.data[(y * img.width + x) * 4];
    expect(grey(0, 0)).toBe(255);
    expect(grey(1, 0)).toBe(Math.round(128 - 127 / 2));
    expect(grey(2, 0)).toBe(128);
    expect(grey(27, 29 + 27)).toBe(1);
    expect(img.data[(28 * img.width + 0) * 4 + 3]).toBe(0); // the gap between rows stays clear
  });
});

describe('tileImage of conv kernels', () => {
  it('draws 5×5 kernels as 5×5 tiles with a one-pixel gap', () => {
    const pixels = new Float32Array(6 * 25);
    pixels[25 + 24] = 3; // kernel 1, bottom-right: white
    pixels[25 + 0] = -3; // kernel 1, top-left: black
    const img = tileImage(pixels, 6, 4, 5, 5);
    expect([img.width, img.height, img.tileWidth, img.tileHeight]).toEqual([4 * 6 - 1, 2 * 6 - 1, 5, 5]);
    const grey = (x: number, y: number) => img.data[(y * img.width + x) * 4];
    expect(grey(6 + 4, 4)).toBe(255);
    expect(grey(6, 0)).toBe(1);
    expect(img.data[(0 * img.width + 5) * 4 + 3]).toBe(0); // the gap between tiles stays clear
  });
});
