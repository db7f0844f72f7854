import { describe, expect, it } from 'vitest';
import { defaultSettings, resolveRun, runSeeds } from './run-settings.js';

describe('runSeeds', () => {
  it('counts up from the first seed', () => {
    expect(runSeeds({ seed: 5, seeds: 3 })).toEqual([5, 6, 7]);
    expect(runSeeds(defaultSettings())).toEqual([1]);
  });
});

describe('resolveRun', () => {
  it('starts from the paper’s values with the demo’s stated MNIST subset', () => {
    const run = resolveRun(defaultSettings('fig3a'));
    expect(run.config).toMatchObject({
      hiddenUnits: 1000,
      batchSize: 1,
      feedbackInit: 0.5,
      trainExamples: 10000,
    });
    expect(run.rules).toEqual(['bp', 'fa', 'fa-sparse50', 'shallow']);
    expect(resolveRun(defaultSettings('fig2')).rules).toEqual(['bp', 'fa', 'shallow', 'node-perturbation']);
  });

  it('refuses a size that would not fit before anything is built, and says how much it needs', () => {
    const s = { ...defaultSettings('fig3a'), overrides: { hiddenUnits: 200000 } };
    expect(() => resolveRun(s)).toThrow(/784-200000-10 × 4 rules needs about 9\.\d GiB/);
  });

  it('names the setting at fault', () => {
    expect(() => resolveRun({ ...defaultSettings(), seed: 0 })).toThrow(/seed must be a whole number/);
    expect(() => resolveRun({ ...defaultSettings(), stepsPerFrame: -1 })).toThrow(/steps per frame/);
    try {
      resolveRun({ ...defaultSettings(), seeds: 11 });
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ name: 'SettingsError', field: 'seeds' });
    }
    expect(() => resolveRun({ ...defaultSettings(), overrides: { 'learningRates.fa': 'fast' } })).toThrow(
      /learningRates\.fa/,
    );
  });
});
