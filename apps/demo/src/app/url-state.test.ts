import { describe, expect, it } from 'vitest';
import { defaultSettings, resolveRun, SettingsError } from './run-settings.js';
import { decodeSettings, encodeSettings } from './url-state.js';

describe('shareable URL', () => {
  it('round-trips experiment, rules, seed, seeds, backend, pacing and every config value', () => {
    const s = {
      ...defaultSettings('fig2'),
      rules: ['bp', 'fa'],
      seed: 7,
      seeds: 3,
      stepsPerFrame: 20,
      overrides: { hiddenUnits: 25, 'learningRates.fa': 0.003 },
    };
    const run = resolveRun(s);
    const back = decodeSettings(encodeSettings(s, run.config, run.rules));
    expect(back).not.toBeNull();
    const again = resolveRun(back!);
    expect(again).toEqual(run);
    expect(back).toMatchObject({
      experiment: 'fig2',
      rules: ['bp', 'fa'],
      seed: 7,
      seeds: 3,
      stepsPerFrame: 20,
    });
    expect(again.config.hiddenUnits).toBe(25);
    expect((again.config.learningRates as Record<string, number>).fa).toBe(0.003);
  });

  it('loads a link made before the seeds setting as one seed, and names a bad seed count', () => {
    const old = decodeSettings('experiment=fig2&rules=bp%2Cfa&seed=4&backend=cpu&spf=0&hiddenUnits=20')!;
    expect(old).toMatchObject({ seed: 4, seeds: 1 });
    expect(resolveRun(old).config.hiddenUnits).toBe(20);
    for (const bad of ['0', '11', '2.5', 'many']) {
      const s = decodeSettings(`experiment=fig2&seeds=${bad}`)!;
      expect(() => resolveRun(s)).toThrow(SettingsError);
      expect(() => resolveRun(s)).toThrow(/seeds must be a whole number from 1 to 10/);
    }
    expect(() => resolveRun(decodeSettings('experiment=fig2&seed=2147483647&seeds=3')!)).toThrow(
      /seeds 2147483647 to 2147483649 go past/,
    );
  });

  it('keeps fig4’s preset name and arrays', () => {
    const s = { ...defaultSettings('fig4'), overrides: { layers: [784, 50, 1000] } };
    const run = resolveRun(s);
    const again = resolveRun(decodeSettings(encodeSettings(s, run.config, run.rules))!);
    expect(again.config.layers).toEqual([784, 50, 1000]);
    expect(again.config.size).toBe('quick');
  });

  it('returns null without an experiment, and names the field of a bad value', () => {
    expect(decodeSettings('')).toBeNull();
    expect(() => decodeSettings('experiment=fig2&backend=tpu')).toThrow(/unknown backend 'tpu'/);
    const bad = decodeSettings('experiment=fig2&hiddenUnits=-3')!;
    expect(() => resolveRun(bad)).toThrow(SettingsError);
    expect(() => resolveRun(bad)).toThrow(/hiddenUnits/);
    expect(() => resolveRun(decodeSettings('experiment=fig2&rules=bp,magic')!)).toThrow(/no rule 'magic'/);
  });
});
