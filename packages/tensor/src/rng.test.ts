import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng (xoshiro128** seeded by splitmix32)', () => {
  it('matches an independent C implementation of the algorithm, bit for bit', () => {
    // printed by a 20-line C program written from Blackman & Vigna's description
    const known: Record<number, number[]> = {
      0: [3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335],
      42: [2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290],
      2016: [1903870656, 1109133707, 4120826890, 3851174464, 3246922779, 3108864089],
    };
    for (const [seed, values] of Object.entries(known)) {
      const r = new Rng(Number(seed));
      expect(values.map(() => r.nextUint32())).toEqual(values);
    }
  });

  it('uniform() lies in [0, 1) on the 2^-24 grid, with mean 1/2 and variance 1/12', () => {
    const r = new Rng(7);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 24)).toBe(true);
      s += u;
      s2 += u * u;
    }
    const mean = s / n;
    // 5 standard errors: sd of the mean is sqrt(1/12/n) ≈ 6.5e-4
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(2e-3);
  });

  it('normal() has mean 0, variance 1 and kurtosis 3', () => {
    const r = new Rng(8);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let s4 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
      s4 += x ** 4;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.1);
  });

  it('int(n) is unbiased over a non-power-of-two range; shuffle permutes', () => {
    const r = new Rng(9);
    const counts = new Array(7).fill(0);
    const n = 70_000;
    for (let i = 0; i < n; i++) counts[r.int(7)]++;
    // chi-square with 6 degrees of freedom: 22.46 is its 0.999 quantile
    const chi = counts.reduce((s, c) => s + (c - n / 7) ** 2 / (n / 7), 0);
    expect(chi).toBeLessThan(22.46);
    const items = Array.from({ length: 50 }, (_, i) => i);
    r.shuffle(items);
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(items).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('getState/setState resumes the stream exactly, spare normal included', () => {
    const a = new Rng(10);
    a.normal();
    const state = JSON.parse(JSON.stringify(a.getState()));
    const next = [a.normal(), a.uniform(), a.nextUint32()];
    const b = Rng.fromState(state);
    expect([b.normal(), b.uniform(), b.nextUint32()]).toEqual(next);
  });

  it('different seeds and forks give different streams', () => {
    const a = new Rng(1);
    const b = new Rng(2);
    expect(a.nextUint32()).not.toBe(b.nextUint32());
    const f = a.fork();
    expect(f.nextUint32()).not.toBe(a.nextUint32());
  });
});

/** `new Rng(seed)` after `draws` uniforms, and a generator given its state through `stateWords`. */
function copiedThroughWords(seed: number, draws: number) {
  const original = new Rng(seed);
  for (let i = 0; i < draws; i++) original.uniform();
  const words = new Uint32Array(4);
  original.stateWords(words);
  const copy = new Rng(99);
  copy.setStateWords(words);
  return { original, words, copy };
}

describe('Rng state words', () => {
  it('a stream continued from its words equals the uninterrupted stream', () => {
    const { original, words, copy } = copiedThroughWords(5, 3);
    const reference = new Rng(5);
    for (let i = 0; i < 3; i++) reference.uniform();
    expect(Array.from({ length: 5 }, () => copy.uniform())).toEqual(
      Array.from({ length: 5 }, () => reference.uniform()),
    );
    expect(words).toEqual(Uint32Array.from(original.getState().s));
  });

  it('refuses the all-zero state, which xoshiro never leaves', () => {
    expect(() => new Rng(1).setStateWords(new Uint32Array(4))).toThrow(/all-zero/);
  });
});

describe('Rng.getState', () => {
  it('gives the words as uint32, whichever way the generator reached them', () => {
    const { original, copy } = copiedThroughWords(5, 10);
    expect(original.getState()).toEqual(copy.getState());
    for (const w of original.getState().s) expect(w).toBeGreaterThanOrEqual(0);
  });
});
