import { describe, expect, it } from 'vitest';
import { tilesTitle } from './weight-tiles.js';

describe('tilesTitle', () => {
  it('names a conv layer’s tile a kernel of its size, and a dense tile a unit’s input weights', () => {
    expect(tilesTitle('conv', { tileWidth: 5, tileHeight: 5 })).toBe(
      'First-layer kernels (each tile: one 5×5 kernel of the conv layer)',
    );
    expect(tilesTitle('conv', { tileWidth: 3, tileHeight: 7 })).toBe(
      'First-layer kernels (each tile: one 3×7 kernel of the conv layer)',
    );
    expect(tilesTitle('dense', { tileWidth: 28, tileHeight: 28 })).toBe(
      'First-layer weights (each tile: one hidden unit’s 784 input weights, 28×28)',
    );
  });
});
