import { describe, expect, it } from 'vitest';
import { fig2 } from './definitions/fig2.js';
import { fig3d } from './definitions/fig3d.js';
import { fig4, fig4Config } from './definitions/fig4.js';
import { estimateMemoryBytes } from './memory-estimate.js';

describe('estimateMemoryBytes', () => {
  it('counts each weight matrix in float32, four copies, per rule', () => {
    // 30·20 + 20·10 = 800 weights · 4 bytes · 4 copies · 2 rules
    expect(estimateMemoryBytes(fig2, fig2.defaults, ['bp', 'fa'])).toBe(25600);
    expect(estimateMemoryBytes(fig2, fig2.defaults, 3)).toBe(38400);
  });

  it("reads each experiment's widths from its config", () => {
    expect(fig3d.layerWidths(fig3d.defaults)).toEqual([30, 20, 10, 10]);
    const paper = fig4Config('paper');
    expect(fig4.layerWidths(paper)).toEqual([784, 1500, 1500, 1500, 1000]);
    // 784·1500 + 1500·1500 + 1500·1500 + 1500·1000 = 7,176,000 weights → 114,816,000 bytes
    expect(estimateMemoryBytes(fig4, paper, 1)).toBe(114816000);
  });
});
