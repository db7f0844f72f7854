import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumSkipReason } from '@rfa/browser-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';
import type { SpeedRow } from '../types.js';
import { CrossOriginIsolationError, runBrowserSpeed } from './browser-race.js';

const skip = chromiumSkipReason();
afterEach(() => vi.restoreAllMocks());

// The short form of `pnpm bench speed --browser --json`: structure and completeness, not speed
// (the speed targets are the benchmark's to check, not a timed unit test's).
describe.skipIf(skip !== undefined)(`pnpm bench speed --browser${skip ? ` — skipped: ${skip}` : ''}`, () => {
  it('runs every implementation in Chromium, cross-origin isolated, and writes one row per impl, rule and batch', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'rfa-race-')), 'race.json');
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(String(m)));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const flags = [
      '--layers',
      '24-16-4',
      '--batch',
      '1,8',
      '--seconds',
      '0.1',
      '--rounds',
      '2',
      '--warmup',
      '0.1',
    ];
    const code = await main(['speed', '--browser', '--threads', '2', ...flags, '--json', json]);
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as SpeedRow[];
    console.info(out.filter((l) => /skipped|dropped/.test(l)).join('\n'));
    const impls = [...new Set(rows.map((r) => r.impl))];
    // the CPU rows at 1 and N threads always run, and rfa's WebGL2 backend (SwiftShader where there
    // is no GPU); a GPU peer that fails on the software adapter is dropped whole, with its reason printed
    for (const impl of [
      'rfa-cpu-1t',
      'rfa-cpu-2t',
      'tfjs-wasm-1t',
      'tfjs-wasm-1t-simd',
      'tfjs-wasm-2t',
      'rfa-gpu:webgl2',
    ])
      expect(impls, `${impl} ran`).toContain(impl);
    for (const impl of ['rfa-gpu:webgpu', 'tfjs-webgl', 'tfjs-webgpu'])
      if (!impls.includes(impl))
        expect(out.join('\n'), `${impl}: no row, so a reason`).toMatch(
          new RegExp(`${impl}[^\n]*: (skipped|dropped)`),
        );
    // every implementation that started has a row for every rule and batch
    for (const impl of impls)
      for (const rule of ['bp', 'fa'])
        for (const batch of [1, 8])
          expect(
            rows.filter((r) => r.impl === impl && r.rule === rule && r.batch === batch),
            `${impl} ${rule} batch ${batch}`,
          ).toHaveLength(1);
    const first = rows[0].lossFirst!;
    for (const r of rows) {
      expect(r.layers).toBe('24-16-4');
      expect(r.engine).toMatch(/^chromium \d+/);
      expect(r.rounds).toHaveLength(2);
      expect(r.rounds.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
      expect(r.examplesPerSecond).toBeCloseTo((r.rounds[0] + r.rounds[1]) / 2, 6);
      expect(r.spread).toBeCloseTo(Math.abs(r.rounds[0] - r.rounds[1]) / r.examplesPerSecond, 9);
      // every implementation started from the same weights: the same first loss (batch 1 and 8 share the first example)
      if (r.batch === rows[0].batch) expect(r.lossFirst!, `${r.impl} ${r.rule}`).toBeCloseTo(first, 4);
      expect(Number.isFinite(r.lossLast!)).toBe(true);
      if (r.impl.includes('gpu') || r.impl.includes('webgl')) expect(typeof r.softwareGpu).toBe('boolean');
      else expect(r.threads).toBe(Number(/(\d+)t(-simd|-fma)?$/.exec(r.impl)![1]));
    }
    expect(rows.find((r) => r.impl === 'tfjs-wasm-2t')!.description).toMatch(
      /setThreadsCount\(2\) → getThreadsCount\(\) 2/,
    );
    const text = out.join('\n');
    expect(text).toMatch(/page cross-origin isolated: true/);
    expect(text).toMatch(/threads: N = 2 for rfa-cpu and tfjs-wasm alike/);
    expect(text).toMatch(
      /batch 8: rfa-cpu FA \/ tfjs-wasm BP: 1 thread each \d+\.\d\d×; 2 threads each \d+\.\d\d×/,
    );
  }, 600_000);

  it('races the LeNet network of the conv experiments (--workload lenet): rfa-cpu by bp and fa, tfjs-wasm by bp, from one start', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'rfa-race-')), 'lenet.json');
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(String(m)));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const flags = [
      '--batch',
      '4',
      '--seconds',
      '0.1',
      '--rounds',
      '1',
      '--warmup',
      '0.1',
      '--gpu-modes',
      'none',
    ];
    const code = await main([
      'speed',
      '--browser',
      '--workload',
      'lenet',
      '--threads',
      '2',
      ...flags,
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as SpeedRow[];
    const keys = rows.map((r) => `${r.impl}/${r.rule}`).sort();
    // tfjs's conv step is backprop only; no GPU rows were asked for
    expect(keys).toEqual(
      [
        ...['rfa-cpu-1t', 'rfa-cpu-2t'].flatMap((i) => [`${i}/bp`, `${i}/fa`]),
        ...['tfjs-wasm-1t', 'tfjs-wasm-1t-simd', 'tfjs-wasm-2t'].map((i) => `${i}/bp`),
        ...rows.filter((r) => r.impl.endsWith('-fma')).map((r) => `${r.impl}/${r.rule}`),
      ].sort(),
    );
    const first = rows[0].lossFirst!;
    for (const r of rows) {
      expect(r.layers).toBe('lenet');
      // one start for all: LeNet's first softmax-CE loss on the first 4 examples, the same in every implementation
      expect(r.lossFirst!, `${r.impl} ${r.rule}`).toBeCloseTo(first, 4);
    }
    const text = out.join('\n');
    expect(text).toMatch(/network lenet \(the LeNet experiments' layer list\)/);
    expect(text).toMatch(
      /batch 4: rfa-cpu FA \/ tfjs-wasm BP: 1 thread each \d+\.\d\d×; 2 threads each \d+\.\d\d×/,
    );
  }, 600_000);

  it('a page served without COOP/COEP fails with CrossOriginIsolationError before timing anything', async () => {
    const run = runBrowserSpeed({
      sizes: [4, 3, 2],
      batches: [1],
      rules: ['fa'],
      seconds: 0.1,
      rounds: 1,
      warmupSeconds: 0.1,
      lossEvery: 10,
      learningRate: 0.1,
      log: () => {},
      isolate: false,
    });
    await expect(run).rejects.toThrow(CrossOriginIsolationError);
    await expect(run).rejects.toThrow(/not cross-origin isolated/);
  }, 120_000);
});
