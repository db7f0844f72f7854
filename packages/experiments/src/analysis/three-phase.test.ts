import { OptionError } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { phaseDrops, phaseEnds, phaseOf, threePhaseSchedule } from './three-phase.js';

describe('three-phase schedule (Fig. 5c)', () => {
  it('freezes W (layer 1) in phases 1 and 3 and W0 (layer 0) in phase 2, switching after each phase end', () => {
    const s = threePhaseSchedule([3, 2, 4]);
    const frozenAt = (step: number) => {
      s.advance(step);
      return [...s.frozen()];
    };
    expect([1, 3, 4, 5, 6, 9].map(frozenAt)).toEqual([[1], [1], [0], [0], [1], [1]]);
    expect([1, 3, 4, 5, 6, 9].map((step) => phaseOf(step, [3, 2, 4]))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(phaseEnds([3, 2, 4])).toEqual([3, 5, 9]);
    expect(() => threePhaseSchedule([3, 0, 4])).toThrow(OptionError);
  });

  it('phaseDrops gives the fraction of the error each phase removed', () => {
    const steps = [0, 1, 3, 4, 5, 9];
    const nse = [1.0, 1.2, 1.1, 0.7, 0.55, 0.11];
    const d = phaseDrops(steps, nse, [3, 2, 4]);
    expect(d.phase1Drop).toBeCloseTo(-0.1, 12); // 1.0 → 1.1: the error grew by 10%
    expect(d.phase2Drop).toBeCloseTo(0.5, 12); // 1.1 → 0.55
    expect(d.phase3Drop).toBeCloseTo(0.8, 12); // 0.55 → 0.11
    expect(() => phaseDrops([0, 1, 3, 9], [1, 1, 1, 1], [3, 2, 4])).toThrow(/step 5/);
  });
});
