import { describe, expect, it } from 'vitest';
import { dashedBackground, swatchBackground } from './rule-swatch.js';

describe('dashedBackground', () => {
  it("draws a variant's dash as a repeating gradient, on then off", () => {
    expect(dashedBackground('#D55E00', [6, 4])).toBe(
      'repeating-linear-gradient(90deg, #D55E00 0px 6px, transparent 6px 10px)',
    );
    expect(dashedBackground('#000', [8, 3, 2, 3])).toBe(
      'repeating-linear-gradient(90deg, #000 0px 8px, transparent 8px 11px, #000 11px 13px, transparent 13px 16px)',
    );
  });

  it('gives a rule its colour and a variant its dash in that colour', () => {
    expect(swatchBackground({ colour: '#0072B2' })).toBe('#0072B2');
    expect(swatchBackground({ colour: '#0072B2', dash: [6, 4] })).toBe(dashedBackground('#0072B2', [6, 4]));
  });
});
