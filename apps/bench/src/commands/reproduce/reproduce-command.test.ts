import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';

function quiet() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

describe('pnpm bench reproduce', () => {
  it('refuses a rule key the experiment does not know, listing the ones it accepts', async () => {
    const { err } = quiet();
    expect(await main(['reproduce', 'fig2', '--rules', 'xx'])).toBe(2);
    expect(err.at(-1)).toBe(
      "rfa bench reproduce: fig2 has no rule 'xx' (its rules: bp, fa, shallow, node-perturbation, dfa, sign-symmetry, kolen-pollack)",
    );
  });

  it('refuses an unknown --set key and a bad value, naming the field, before any work', async () => {
    const { err } = quiet();
    expect(await main(['reproduce', 'fig4', '--set', 'sise=paper'])).toBe(2);
    expect(err.at(-1)).toContain("fig4: config field 'sise' is not a known field");
    expect(await main(['reproduce', 'fig4', '--set', 'size=huge'])).toBe(2);
    expect(err.at(-1)).toContain("fig4: config field 'size'");
    expect(await main(['reproduce', 'fig9'])).toBe(2);
    expect(err.at(-1)).toContain(
      "unknown experiment 'fig9' (fig2, fig3a, fig3d, fig4, fig5, figS6, fig3a-fashion, lenet-mnist, lenet-fashion, rules-784-500-10)",
    );
  });

  it('--fma runs the cpu backend with fused multiply-adds: the same run to float rounding, refused on the gpu', async () => {
    const { out, err } = quiet();
    const dir = mkdtempSync(join(tmpdir(), 'rfa-reproduce-fma-'));
    const argv = [
      'reproduce',
      'fig2',
      '--seeds',
      '1',
      '--rules',
      'fa',
      '--set',
      'steps=200',
      '--set',
      'heldOut=50',
    ];
    expect(await main([...argv, '--out', dir, '--json', join(dir, 'plain.json')])).toBe(0);
    expect(await main([...argv, '--fma', '--out', dir, '--json', join(dir, 'fma.json')])).toBe(0);
    expect(out.filter((l) => l.startsWith('backend:')).map((l) => l.includes('fused multiply-add'))).toEqual([
      false,
      true,
    ]);
    const nse = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')).results.fa.final.nse.mean;
    const [plain, fma] = [nse('plain.json'), nse('fma.json')];
    expect(fma).not.toBe(plain); // one rounding per multiply-add instead of two
    expect(Math.abs(fma - plain)).toBeLessThan(1e-4 * plain);
    expect(await main(['reproduce', 'fig2', '--fma', '--backend', 'gpu'])).toBe(2);
    expect(err.at(-1)).toContain("--fma applies to the cpu backend's kernels, not to --backend gpu");
  });

  it('--help for an experiment lists its rules and fields with defaults and quick values', async () => {
    const { out } = quiet();
    expect(await main(['reproduce', 'fig4', '--help'])).toBe(0);
    const help = out.join('\n');
    expect(help).toMatch(/size\s+paper \(quick: quick\) — preset/);
    expect(help).toMatch(/layers\s+\[784,1500,1500,1500,1000\] \(quick: \[784,200,200,1000\]\)/);
    expect(help).toMatch(/fa\s+the spiking network/);
  });

  it('runs an experiment with --set and --rules, writes its JSON, and --resume reuses the finished runs', async () => {
    const { out } = quiet();
    const dir = mkdtempSync(join(tmpdir(), 'rfa-reproduce-'));
    const argv = ['reproduce', 'fig2', '--seeds', '2', '--rules', 'fa,bp', '--out', dir];
    const set = ['--set', 'steps=120', '--set', 'heldOut=50', '--set', 'learningRates.fa=0.004'];
    expect(await main([...argv, ...set, '--json', join(dir, 'a.json')])).toBe(0);
    expect(out.some((l) => l.includes('finished in an earlier run'))).toBe(false);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(Object.keys(a.results)).toEqual(['bp', 'fa']);
    expect(a.config.steps).toBe(120);
    expect(a.config.learningRates.fa).toBe(0.004);
    expect(a.results.fa.final.nse.n).toBe(2);
    expect(out.join('\n')).toContain('=== Fig. 2');
    expect(await main([...argv, ...set, '--resume', '--json', join(dir, 'b.json')])).toBe(0);
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(b.results).toEqual(a.results);
    const restored = out.filter((l) => l.includes('finished in an earlier run'));
    expect(restored).toHaveLength(4);
  });
});
