import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { EXPERIMENTS } from '../registry.js';
import { OKABE_ITO } from './okabe-ito.js';
import { RULES, ruleKeys } from './rule-registry.js';
import { baseRuleKey, ruleFeedback, ruleStyle } from './rule-style.js';
import { TOL_MUTED } from './tol-muted.js';

const styleKey = (key: string) => JSON.stringify(ruleStyle(key));

describe('ruleStyle', () => {
  it('gives each registered rule its own colour, Okabe–Ito first, then Tol muted: backprop black, FA vermillion', () => {
    expect(ruleStyle('bp')).toEqual({ colour: '#000000' });
    expect(ruleStyle('fa')).toEqual({ colour: '#D55E00' });
    const colours = ruleKeys().map((k) => RULES[k].colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const c of colours) expect([...Object.values(OKABE_ITO), ...Object.values(TOL_MUTED)]).toContain(c);
    // the paper's rules keep Okabe–Ito
    for (const k of ['bp', 'fa', 'dfa', 'shallow', 'node-perturbation'] as const)
      expect(Object.values(OKABE_ITO)).toContain(RULES[k].colour);
  });

  it("draws a variant in its rule's colour, one dash pattern per word it adds", () => {
    expect(ruleStyle('fa-4layer')).toEqual({ colour: '#D55E00', dash: [6, 4] });
    expect(ruleStyle('fa-three-phase')).toEqual({ colour: '#D55E00', dash: [2, 3] });
    expect(ruleStyle('bp-4layer-frozen-w0')).toEqual({ colour: '#000000', dash: [8, 3, 2, 3] });
    // the longest matching key: 'dfa-4layer' varies dfa, not fa
    expect(baseRuleKey('dfa-4layer')).toBe('dfa');
    expect(ruleStyle('dfa-4layer').colour).toBe(RULES.dfa.colour);
  });

  it("gives fa-coarse-derivative and fa-sparse50 swatches other than fa's", () => {
    expect(ruleStyle('fa-coarse-derivative').colour).not.toBe(ruleStyle('fa').colour);
    expect(ruleStyle('fa-sparse50')).toEqual({ colour: OKABE_ITO.orange });
  });

  it('styles every rule key of every experiment, no two alike within one experiment', () => {
    for (const exp of Object.values(EXPERIMENTS)) {
      const keys = Object.keys(exp.rules);
      expect(new Set(keys.map(styleKey)).size, exp.id).toBe(keys.length);
    }
  });

  it("says where a key's feedback comes from, a variant's from its rule", () => {
    expect(['bp', 'shallow', 'node-perturbation', 'bp-4layer-frozen-w0'].map(ruleFeedback)).toEqual([
      'none',
      'none',
      'none',
      'none',
    ]);
    expect(ruleFeedback('fa-4layer-frozen-w0')).toBe('transposed');
    expect(ruleFeedback('dfa')).toBe('direct');
    expect(ruleFeedback('kolen-pollack')).toBe('learned');
    expect(() => ruleFeedback('toy')).toThrow(ConfigError);
  });

  it('refuses a key that is neither a rule nor a variant of one, naming the rules', () => {
    expect(() => ruleStyle('toy')).toThrow(ConfigError);
    expect(() => ruleStyle('toy')).toThrow(/'toy' is no registered rule.*bp, fa/);
  });
});
