import { describe, expect, it } from 'vitest';
import { dropWrongLosses, WrongLossError } from './wrong-loss.js';

const row = (impl: string, batch: number, lossFirst?: number, lossLast?: number) => ({
  impl,
  rule: 'fa',
  batch,
  ...(lossFirst !== undefined ? { lossFirst } : {}),
  ...(lossLast !== undefined ? { lossLast } : {}),
});

describe('dropWrongLosses', () => {
  it('keeps implementations whose losses are positive and finite', () => {
    const skipped: string[] = [];
    const rows = [row('rfa-cpu', 1, 2.3, 2.1), row('tfjs-wasm', 1, 2.3, 2.2)];
    expect(dropWrongLosses(rows, skipped)).toEqual(rows);
    expect(skipped).toEqual([]);
  });

  it('drops every row of an implementation with a NaN, infinite, zero or negative loss in any case', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 0, -1]) {
      const skipped: string[] = [];
      const rows = [
        row('rfa-gpu:webgl2', 1, 2.3, 2.1),
        row('rfa-gpu:webgl2', 32, 2.3, bad),
        row('tfjs-wasm', 32, 2.3, 2),
      ];
      expect(dropWrongLosses(rows, skipped).map((r) => r.impl)).toEqual(['tfjs-wasm']);
      expect(skipped).toEqual([
        `rfa-gpu:webgl2: dropped, its training loss read 2.3 → ${bad} (fa, batch 32): it computed wrong numbers here`,
      ]);
    }
  });

  it('checks the first loss too, and says each implementation once', () => {
    const skipped: string[] = [];
    const logged: string[] = [];
    const rows = [row('tfjs-webgl', 1, Number.NaN, 2), row('tfjs-webgl', 32, 0, 0)];
    expect(dropWrongLosses(rows, skipped, (line) => logged.push(line))).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(logged).toEqual(skipped);
  });

  it('keeps the gemm rows, also of an implementation whose training rows it drops', () => {
    const skipped: string[] = [];
    const gemm = { impl: 'tfjs-cpu', rule: 'gemm', batch: 128 };
    // the batch-8 row read no loss at all; it goes with the implementation's other training rows
    expect(dropWrongLosses([gemm, row('tfjs-cpu', 1, 2.3), row('tfjs-cpu', 8)], skipped)).toEqual([gemm]);
    expect(skipped[0]).toContain('tfjs-cpu: dropped');
    expect(skipped[0]).toContain('2.3 → undefined');
  });

  it("throws WrongLossError for rfa's own CPU rows instead of dropping them", () => {
    for (const impl of ['rfa-cpu', 'rfa-cpu-1t', 'rfa-cpu-2t-fma']) {
      const skipped: string[] = [];
      const call = () =>
        dropWrongLosses([row('tfjs-wasm', 1, 2.3, 2.2), row(impl, 8, 2.3, Number.NaN)], skipped);
      expect(call).toThrow(WrongLossError);
      expect(call).toThrow(
        `${impl}: its training loss read 2.3 → NaN (fa, batch 8): rfa's CPU backend computed wrong numbers`,
      );
      expect(skipped).toEqual([]);
    }
  });
});
