import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

describe('examples/conv.ts (shown in the README)', () => {
  it('builds the LeNet-like stack it describes and its softmax rows sum to 1', async () => {
    const printed: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...args) => void printed.push(args));
    await import('../examples/conv.js');
    expect(printed[0]).toEqual([[6, 25], [12, 12, 6], 576]);
    expect(printed[1]).toEqual(['1.000000']);
  });
});
