import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

describe('examples/readme.ts (shown in the README)', () => {
  it('rfa and both TensorFlow.js peers print the same loss after 20 FA steps', async () => {
    const printed: string[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void printed.push(args.map(String)));
    // a computed path: tsc does not follow it (the example imports this package by name, built after typecheck)
    const example = new URL('../examples/readme.ts', import.meta.url).href;
    await import(/* @vite-ignore */ example);
    expect(printed.map((p) => p[0])).toEqual(['rfa-cpu', 'tfjs-cpu', 'tfjs-wasm']);
    const losses = printed.map((p) => Number(p[1]));
    expect(losses[0]).toBeGreaterThan(0);
    for (const loss of losses.slice(1)) expect(Math.abs(loss - losses[0])).toBeLessThanOrEqual(2e-5);
  });
});
