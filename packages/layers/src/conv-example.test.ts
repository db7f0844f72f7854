import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

describe('examples/conv.ts (shown in the README)', () => {
  it('builds the LeNet-like stack it describes and its softmax rows sum to 1', async () => {
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void printed.push(args));
    // a computed path: tsc does not follow it (the example imports @rfa/layers, built only after typecheck)
    const example = new URL('../examples/conv.ts', import.meta.url).href;
    await import(/* @vite-ignore */ example);
    expect(printed[0]).toEqual([[6, 25], [12, 12, 6], 576]);
    expect(printed[1]).toEqual(['1.000000']);
  });
});
