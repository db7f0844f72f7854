import { describe, expect, it } from 'vitest';
import { defaultSettings, resolveRun, SettingsError } from './run-settings.js';
import { decodeSettings, encodeSettings } from './url-state.js';

describe('shareable URL', () => {
  it('round-trips experiment, rules, seed, backend, pacing and every config value', () => {
    const s = {
      ...defaultSettings('fig2'),
      rules: ['bp', 'fa'],
      seed: 7,
      stepsPerFrame: 20,
      overrides: { hiddenUnits: 25, 'learningRates.fa': 0.003 },
    };
    const run = resolveRun(s);
    const back = decodeSettings(encodeSettings(s, run.config, run.rules));
    expect(back).not.toBeNull();
    const again = resolveRun(back!);
    expect(again).toEqual(run);
    expect(back).toMatchObject({ experiment: 'fig2', rules: ['bp', 'fa'], seed: 7, stepsPerFrame: 20 });
    expect(again.config.hiddenUnits).toBe(25);
    expect((again.config.learningRates as Record<string, number>).fa).toBe(0.003);
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
