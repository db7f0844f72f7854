import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';
import type { SpeedRow } from '../../speed/types.js';

const tmpJson = () => join(mkdtempSync(join(tmpdir(), 'rfa-speed-')), 'out.json');

function quiet() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(String(m)));
  vi.spyOn(console, 'error').mockImplementation((m: string) => void err.push(String(m)));
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

/** rfa's CPU rows in Node: its default thread count, and one thread beside it where that is more. */
const RFA_CPU =
  availableParallelism() > 1 ? ['rfa-cpu', 'rfa-cpu-1t', 'rfa-cpu-fma'] : ['rfa-cpu', 'rfa-cpu-fma'];

describe('pnpm bench speed', () => {
  it('--peers writes a row per impl, rule and batch, and every implementation trains', async () => {
    const json = tmpJson();
    const { out } = quiet();
    const code = await main([
      'speed',
      '--peers',
      '--layers',
      '20-16-4',
      '--batch',
      '1,4',
      '--seconds',
      '0.2',
      '--rounds',
      '2',
      '--loss-every',
      '10',
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as SpeedRow[];
    const training = rows.filter((r) => r.rule !== 'gemm');
    const keys = training.map((r) => `${r.impl}/${r.rule}/${r.batch}`).sort();
    // rfa-cpu-fma: the bench turns on relaxed SIMD (a flag in Node 20's V8), so it runs here
    const want = [...RFA_CPU, 'tfjs-cpu', 'tfjs-wasm']
      .flatMap((i) => ['bp', 'fa'].flatMap((r) => [1, 4].map((b) => `${i}/${r}/${b}`)))
      .sort();
    expect(keys).toEqual(want);
    for (const r of training) {
      expect(r.layers).toBe('20-16-4');
      expect(r.rounds).toHaveLength(2);
      expect(r.examplesPerSecond).toBeGreaterThan(0);
      expect(r.examplesPerSecond).toBeGreaterThanOrEqual(Math.min(...r.rounds));
      expect(r.examplesPerSecond).toBeLessThanOrEqual(Math.max(...r.rounds));
      expect(r.description.length).toBeGreaterThan(10);
      // the timed loop is a real training loop: its mean loss fell well below the start (≈ 0.5 with
      // outputs ≈ 0.5; a constant 0.25 per output, what random one-hot targets allow, gives 0.375)
      expect(r.lossLast!, `${r.impl} ${r.rule} batch ${r.batch}`).toBeLessThan(0.9 * r.lossFirst!);
    }
    // all implementations start from the same weights, so their first losses agree
    for (const rule of ['bp', 'fa']) {
      for (const batch of [1, 4]) {
        const first = training.filter((r) => r.rule === rule && r.batch === batch).map((r) => r.lossFirst!);
        for (const f of first) expect(f).toBeCloseTo(first[0], 5);
      }
    }
    const gemm = rows.filter((r) => r.rule === 'gemm');
    expect(gemm.map((r) => r.impl).sort()).toEqual([...RFA_CPU, 'tfjs-cpu', 'tfjs-wasm']);
    // threads are stated: rfa-cpu on its default (cores, at most 4), rfa-cpu-1t on one, tfjs-wasm on one in Node
    const threads = Math.min(availableParallelism(), 4);
    expect(training.find((r) => r.impl === 'rfa-cpu')!.threads).toBe(threads);
    if (threads > 1) expect(training.find((r) => r.impl === 'rfa-cpu-1t')!.threads).toBe(1);
    expect(training.find((r) => r.impl === 'tfjs-wasm')!.threads).toBe(1);
    for (const r of training)
      expect(r.spread).toBeCloseTo((Math.max(...r.rounds) - Math.min(...r.rounds)) / r.examplesPerSecond, 9);
    expect(training.find((r) => r.impl === 'rfa-cpu-fma')!.description).toMatch(/fused multiply-add/);
    for (const r of gemm) {
      expect(r.layers).toBe('128-784-1000');
      expect(r.gflops).toBeGreaterThan(0);
      expect(r.examplesPerSecond).toBeCloseTo((r.gflops! * 1e9) / (2 * 784 * 1000), 6);
    }
    const text = out.join('\n');
    expect(text).toMatch(/rfa \/ tfjs-wasm/);
    // the headline: rfa-cpu FA over tfjs-wasm BP, per thread and for the machine
    if (threads > 1) {
      expect(text).toMatch(
        /batch 4: rfa-cpu FA \/ tfjs-wasm BP: 1 thread each \d+\.\d\d×; machine \(rfa \d threads, tfjs 1\) \d+\.\d\d×/,
      );
    }
    expect(text).toMatch(
      /tfjs-wasm: TensorFlow\.js 4\.22\.0 wasm backend \(tfjs-backend-wasm[-a-z]*\.wasm, SIMD (on|off)/,
    );
  });

  it('--backend all times rfa on a gpu.js mode beside the CPU, labelled with its mode', async () => {
    const json = tmpJson();
    quiet();
    const code = await main([
      'speed',
      '--backend',
      'all',
      '--gpu-modes',
      'cpu',
      '--layers',
      '20-16-4',
      '--batch',
      '4',
      '--rules',
      'bp',
      '--seconds',
      '0.1',
      '--rounds',
      '1',
      '--no-gemm',
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as SpeedRow[];
    expect(rows.map((r) => r.impl)).toEqual([...RFA_CPU, 'rfa-gpu:cpu']);
    const gpu = rows.at(-1)!;
    expect(gpu.description).toMatch(/gpu\.js cpu mode/);
    expect(gpu.lossLast!).toBeLessThan(gpu.lossFirst!);
  });

  it('bad flags exit 2 naming the flag', async () => {
    const { err } = quiet();
    const bad: [string[], string][] = [
      [['--layers', '784-x-10'], '--layers'],
      [['--layers', '784'], '--layers'],
      [['--batch', '0,32'], '--batch'],
      [['--backend', 'tpu'], '--backend'],
      [['--rules', 'bp,xx'], "--rules: unknown rule 'xx' (known: bp, fa, dfa"],
      [['--seconds', '-1'], '--seconds'],
      [['--threads', '2'], '--threads applies to --browser'],
      [['--browser', '--threads', '0'], '--threads'],
    ];
    for (const [flags, name] of bad) {
      expect(await main(['speed', ...flags])).toBe(2);
      expect(err.at(-1)).toContain(name);
    }
  });
});
