import { describe, expect, it } from 'vitest';
import { configFields, parseOverrides, resolveConfig } from './config.js';
import { fig2 } from './definitions/fig2.js';
import { fig3a } from './definitions/fig3a.js';
import { fig4, fig4Config } from './definitions/fig4.js';
import { fig5 } from './definitions/fig5.js';
import { ConfigError } from './errors.js';
import type { Experiment } from './experiment.js';
import { EXPERIMENTS, experimentIds, getExperiment, selectRules } from './registry.js';

const refused = (f: () => unknown): ConfigError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('resolveConfig', () => {
  it('gives the defaults, the quick preset, and each one validated', () => {
    expect(resolveConfig(fig2)).toEqual(fig2.defaults);
    expect(resolveConfig(fig2, { quick: true }).steps).toBe(2000);
    for (const exp of Object.values(EXPERIMENTS) as Experiment[]) {
      expect(() => resolveConfig(exp)).not.toThrow();
      expect(() => resolveConfig(exp, { quick: true })).not.toThrow();
    }
  });

  it('applies overrides, dotted ones into nested fields, without touching the defaults', () => {
    const c = resolveConfig(fig2, { overrides: parseOverrides(['steps=300', 'learningRates.fa=0.01']) });
    expect(c.steps).toBe(300);
    expect(c.learningRates.fa).toBe(0.01);
    expect(c.learningRates.bp).toBe(0.005);
    expect(fig2.defaults.learningRates.fa).toBe(0.005);
  });

  it('fig4: size picks the preset, the other overrides change it', () => {
    const c = resolveConfig(fig4, { overrides: parseOverrides(['size=paper', 'epochs=1']) });
    expect(c).toEqual({ ...fig4Config('paper'), epochs: 1 });
    expect(c.layers).toEqual([784, 1500, 1500, 1500, 1000]);
    expect(resolveConfig(fig4, { quick: true }).layers).toEqual([784, 200, 200, 1000]);
  });

  it('refuses an unknown key, a bad value and a bad pair, naming the field', () => {
    const unknown = refused(() => resolveConfig(fig2, { overrides: { stepz: 3 } }));
    expect(unknown.field).toBe('stepz');
    expect(unknown.message).toMatch(/fig2: config field 'stepz' is not a known field/);
    const nested = refused(() => resolveConfig(fig2, { overrides: { 'learningRates.xx': 3 } }));
    expect(nested.field).toBe('learningRates.xx');
    const bad = refused(() => resolveConfig(fig4, { overrides: { size: 'huge' } }));
    expect(bad.field).toBe('size');
    const negative = refused(() => resolveConfig(fig3a, { overrides: { learningRate: -1 } }));
    expect(negative.field).toBe('learningRate');
    const notGroup = refused(() => resolveConfig(fig2, { overrides: { 'steps.x': 1 } }));
    expect(notGroup.message).toMatch(/'steps' is not a group of fields/);
    expect(() => parseOverrides(['steps'])).toThrow(/expected key=value/);
    const phases = refused(() => resolveConfig(fig5, { overrides: { 'threePhase.phaseSteps': [1, 2] } }));
    expect(phases.field).toMatch(/^threePhase\.phaseSteps/);
  });

  it('parses values as JSON where they parse, else as strings', () => {
    expect(parseOverrides(['a=3', 'b=true', 'c=[1,2]', 'd=paper', 'e=1e-3'])).toEqual({
      a: 3,
      b: true,
      c: [1, 2],
      d: 'paper',
      e: 0.001,
    });
  });
});

describe('configFields', () => {
  it('lists every leaf with its default, quick value and description', () => {
    const fields = configFields(fig2);
    const steps = fields.find((f) => f.key === 'steps')!;
    expect(steps).toMatchObject({ defaultValue: 5000, quickValue: 2000 });
    expect(steps.description).toMatch(/online steps/);
    expect(fields.find((f) => f.key === 'learningRates.node-perturbation')?.defaultValue).toBe(2e-3);
    expect(fields.find((f) => f.key === 'nodePerturbation.sigma')?.description).toMatch(/noise/);
  });
});

describe('the registry', () => {
  it('lists the experiments in the paper’s order, then those beyond it, and refuses an unknown id with the list', () => {
    expect(experimentIds()).toEqual([
      'fig2',
      'fig3a',
      'fig3d',
      'fig4',
      'fig5',
      'figS6',
      'fig3a-fashion',
      'lenet-mnist',
      'lenet-fashion',
      'rules-784-500-10',
    ]);
    expect(refused(() => getExperiment('fig9')).message).toMatch(
      /fig2, fig3a, fig3d, fig4, fig5, figS6, fig3a-fashion, lenet-mnist, lenet-fashion, rules-784-500-10/,
    );
  });

  it('selectRules: defaults skip optional rules; an unknown key is refused with the accepted ones', () => {
    expect(selectRules(fig2, fig2.defaults)).toEqual(['bp', 'fa', 'shallow', 'node-perturbation']);
    expect(selectRules(fig2, fig2.defaults, ['fa', 'bp', 'dfa'])).toEqual(['bp', 'fa', 'dfa']);
    expect(selectRules(fig3a, { ...fig3a.defaults, rules: ['fa'] })).toEqual(['fa']);
    const e = refused(() => selectRules(fig2, fig2.defaults, ['xx']));
    expect(e.message).toBe(
      "fig2 has no rule 'xx' (its rules: bp, fa, shallow, node-perturbation, dfa, sign-symmetry, kolen-pollack)",
    );
  });
});
