import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';
import type { SpeedRow } from '../../speed/types.js';
import { parseSpeedArgs } from './speed-args.js';

afterEach(() => vi.restoreAllMocks());

describe('pnpm bench speed --workload lenet', () => {
  it('writes LeNet rows: rfa-cpu for bp and fa, tfjs-wasm for bp, all from the same start', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'rfa-speed-')), 'out.json');
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(String(m)));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await main([
      'speed',
      '--peers',
      '--workload',
      'lenet',
      '--batch',
      '4',
      '--seconds',
      '0.05',
      '--warmup',
      '0.05',
      '--rounds',
      '1',
      '--json',
      json,
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as SpeedRow[];
    // no gemm rows and no tfjs-cpu: the conv race is rfa's CPU backend against tfjs-wasm
    expect(rows.every((r) => r.layers === 'lenet' && r.batch === 4)).toBe(true);
    const keys = rows.map((r) => `${r.impl}/${r.rule}`);
    expect(keys).toContain('rfa-cpu/bp');
    expect(keys).toContain('rfa-cpu/fa');
    expect(keys).toContain('tfjs-wasm/bp');
    expect(keys).not.toContain('tfjs-wasm/fa');
    expect(rows.find((r) => r.impl === 'tfjs-wasm')!.threads).toBe(1);
    // the same start values and the same first batch: ln 10 ≈ 2.30 give or take the He-normal draw
    const bp = rows.filter((r) => r.rule === 'bp').map((r) => r.lossFirst!);
    for (const f of bp) expect(f).toBeCloseTo(bp[0], 4);
    expect(out.join('\n')).toMatch(/network lenet/);
    expect(out.join('\n')).toMatch(/batch 4: rfa-cpu FA \/ tfjs-wasm BP/);
  }, 120_000);

  it('refuses other workloads, and GPU backends in the Node conv race, by name', () => {
    expect(() => parseSpeedArgs(['--workload', 'resnet'])).toThrow(
      /--workload must be dense or lenet, got 'resnet'/,
    );
    expect(() => parseSpeedArgs(['--workload', 'lenet', '--backend', 'gpu'])).toThrow(
      /--workload lenet races rfa-cpu in Node/,
    );
    expect(parseSpeedArgs(['--workload', 'lenet', '--browser']).workload).toBe('lenet');
  });
});
