import { describe, expect, it } from 'vitest';
import { runSeed } from '../testing/run-seed.js';
import { fig3d } from './fig3d.js';
import { fig5 } from './fig5.js';

describe('fig3d and fig5 wiring on tiny runs', () => {
  it('fig3d: five rules; rules of one depth start from the same net, the two depths from different ones', async () => {
    const c = { ...fig3d.quick, steps: 12, batchSize: 2, evaluateEvery: 4, heldOut: 20 };
    const out = await runSeed(fig3d, c, { seed: 2 });
    expect(Object.keys(out)).toEqual(['shallow', 'bp', 'fa', 'bp-4layer', 'fa-4layer']);
    const start = (k: string) => out[k].curves.nse[0];
    expect(start('fa')).toBe(start('bp'));
    expect(start('shallow')).toBe(start('bp'));
    expect(start('fa-4layer')).toBe(start('bp-4layer'));
    expect(start('bp-4layer')).not.toBe(start('bp'));
    for (const r of Object.values(out)) expect(Number.isFinite(r.final.nse)).toBe(true);
    expect(out.fa.final.weightAngle).toBeGreaterThan(0);
  });

  it('fig5: W stays put in phase 1 (constant W–Bᵀ angle), FA runs share W and B, phase drops match the NSE curve', async () => {
    const c = {
      ...fig5.quick,
      steps: 6,
      batchSize: 2,
      evaluateEvery: 2,
      heldOut: 10,
      threePhase: { phaseSteps: [2, 2, 2] as [number, number, number] },
    };
    const out = await runSeed(fig5, c, { seed: 2 });
    expect(Object.keys(out)).toEqual(['fa', 'bp', 'fa-three-phase']);
    const three = out['fa-three-phase'].curves;
    expect(three.step).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(three.weightAngle[0]).toBe(out.fa.curves.weightAngle[0]);
    expect(three.perNeuronAngle[0]).toBe(out.fa.curves.perNeuronAngle[0]);
    expect(three.weightAngle[1]).toBe(three.weightAngle[0]); // phase 1: W frozen, B fixed
    expect(three.weightAngle[2]).toBe(three.weightAngle[0]);
    expect(three.weightAngle[3]).not.toBe(three.weightAngle[2]); // phase 2: W learns
    expect(three.weightAngle[6]).toBe(three.weightAngle[4]); // phase 3: W frozen again
    expect(out['fa-three-phase'].final.phase1Drop).toBeCloseTo(
      (three.nse[0] - three.nse[2]) / three.nse[0],
      12,
    );
    expect(out['fa-three-phase'].final.phase3Drop).toBeCloseTo(
      (three.nse[4] - three.nse[6]) / three.nse[4],
      12,
    );
    expect(out.bp.curves.weightAngle).toBeUndefined();
    expect(out.bp.curves.perNeuronAngle).toBeUndefined();
  });
});
