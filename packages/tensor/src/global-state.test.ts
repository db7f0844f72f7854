import { describe, expect, it } from 'vitest';
import { globalState } from './global-state.js';

describe('globalState', () => {
  it('makes the value once and hands the same object to every caller', () => {
    let made = 0;
    const first = globalState('test/once', () => ({ n: ++made }));
    const second = globalState('test/once', () => ({ n: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps it on globalThis under Symbol.for, where another copy of the package finds it', () => {
    const value = globalState('test/shared', () => new Map<string, number>());
    const store = globalThis as unknown as Record<symbol, unknown>;
    expect(store[Symbol.for('@rfa/tensor:test/shared')]).toBe(value);
    expect(Object.keys(globalThis)).not.toContain('@rfa/tensor:test/shared');
  });
});
