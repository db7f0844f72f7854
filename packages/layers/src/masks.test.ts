import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { connectivityMask } from './masks.js';

const backend = createCpuBackend();

describe('connectivityMask', () => {
  it('removes exactly round(fraction · size) entries, at seeded positions', () => {
    for (const fraction of [0, 0.1, 0.5, 1]) {
      const m = connectivityMask(backend, [37, 29], fraction, new Rng(1)).readSync();
      expect(m.filter((v) => v === 0).length).toBe(Math.round(fraction * 37 * 29));
      expect(m.every((v) => v === 0 || v === 1)).toBe(true);
    }
    const a = connectivityMask(backend, [20, 20], 0.5, new Rng(2)).readSync();
    const b = connectivityMask(backend, [20, 20], 0.5, new Rng(2)).readSync();
    const c = connectivityMask(backend, [20, 20], 0.5, new Rng(3)).readSync();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
  it('refuses fractions outside [0, 1]', () => {
    expect(() => connectivityMask(backend, [2, 2], 1.5, new Rng(1))).toThrow(OptionError);
  });
});
