import { describe, expect, it } from 'vitest';
import { speedHeadline, speedTable } from './speed-table.js';
import type { SpeedRow } from './types.js';

const row = (
  impl: string,
  rule: 'bp' | 'fa',
  batch: number,
  rate: number,
  extra: Partial<SpeedRow> = {},
): SpeedRow => ({
  impl,
  rule,
  batch,
  layers: '784-1000-10',
  examplesPerSecond: rate,
  rounds: [rate * 0.9, rate, rate * 1.1],
  spread: 0.2,
  lossFirst: 0.5,
  lossLast: 0.3,
  description: impl,
  ...extra,
});

describe('the speed table', () => {
  // a browser race: rfa and tfjs-wasm at 1 and 2 threads, and a software GPU row
  const browser = [
    row('rfa-cpu-1t', 'fa', 128, 3000, { threads: 1 }),
    row('rfa-cpu-2t', 'fa', 128, 5000, { threads: 2 }),
    row('tfjs-wasm-1t', 'bp', 128, 1500, { threads: 1 }),
    // tfjs's unthreaded build, faster on one thread here: the headline takes the peer at its best
    row('tfjs-wasm-1t-simd', 'bp', 128, 2000, { threads: 1 }),
    row('tfjs-wasm-2t', 'bp', 128, 2500, { threads: 2 }),
    row('tfjs-wasm-1t', 'fa', 128, 1200, { threads: 1 }),
    row('rfa-gpu:webgl2', 'fa', 128, 100, { softwareGpu: true }),
  ];

  it('headline: rfa-cpu FA over the fastest tfjs-wasm BP at each shared thread count (3000/2000, 5000/2500)', () => {
    expect(speedHeadline(browser)).toEqual([
      'batch 128: rfa-cpu FA / tfjs-wasm BP: 1 thread each 1.50×; 2 threads each 2.00×',
    ]);
  });

  it('headline in Node: per thread, and for the machine when the thread counts differ', () => {
    const node = [
      row('rfa-cpu', 'fa', 1, 6000, { threads: 2 }),
      row('rfa-cpu-1t', 'fa', 1, 4000, { threads: 1 }),
      row('tfjs-wasm', 'bp', 1, 1000, { threads: 1 }),
    ];
    expect(speedHeadline(node)).toEqual([
      'batch 1: rfa-cpu FA / tfjs-wasm BP: 1 thread each 4.00×; machine (rfa 2 threads, tfjs 1) 6.00×',
    ]);
  });

  it('rows: threads, spread as ± half the range, same-rule ratio at equal threads; software GPU labelled, no ratio', () => {
    const text = speedTable(browser);
    const line = (impl: string, rule: string) =>
      text.split('\n').find((l) => l.startsWith(rule) && l.includes(` ${impl} `))!;
    // fa batch 128 rfa-cpu-1t over tfjs-wasm-1t fa: 3000 / 1200
    expect(line('rfa-cpu-1t', 'fa')).toMatch(/fa\s+128\s+rfa-cpu-1t\s+1\s+3,000\s+±10%\s+2\.50×/);
    // bp: over the faster of tfjs's two 1-thread rows, 3000 / 2000
    expect(speedTable([...browser, row('rfa-cpu-1t', 'bp', 128, 3000, { threads: 1 })])).toMatch(
      /bp\s+128\s+rfa-cpu-1t\s+1\s+3,000\s+±10%\s+1\.50×/,
    );
    // no tfjs-wasm-2t row for fa: no ratio for rfa-cpu-2t (never a ratio across thread counts)
    expect(line('rfa-cpu-2t', 'fa')).not.toMatch(/×/);
    expect(line('rfa-gpu:webgl2 (software GPU)', 'fa')).not.toMatch(/×/);
  });
});
