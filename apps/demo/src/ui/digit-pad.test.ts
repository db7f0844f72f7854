import { describe, expect, it } from 'vitest';
import { downsample } from './digit-pad.js';

describe('downsample', () => {
  it('averages each 10×10 block’s ink into one of 28×28 pixels', () => {
    const rgba = new Uint8ClampedArray(280 * 280 * 4);
    // ink the whole top-left block and half of the block to its right
    for (let y = 0; y < 10; y++) for (let x = 0; x < 15; x++) rgba[(y * 280 + x) * 4 + 3] = 255;
    const px = downsample(rgba);
    expect(px[0]).toBeCloseTo(1, 5);
    expect(px[1]).toBeCloseTo(0.5, 5);
    expect(px[28]).toBe(0);
    expect(px.length).toBe(784);
  });
});
