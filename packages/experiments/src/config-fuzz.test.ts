import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOverrides, resolveConfig } from './config.js';
import { ConfigError } from './errors.js';
import { getExperiment } from './registry.js';

// words a user (or an attacker's spec file) might put into --set keys and values
const segment = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'steps',
    'learningRates',
    'fa',
    'size',
    'hidden',
    '',
  ),
  fc.string({ maxLength: 6 }),
);
const key = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
const value = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('1e999', '-0', 'NaN', '[784,500,10]', '{"__proto__":{"x":1}}', 'paper'),
);
const pair = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `${k}=${v}`),
  fc.string({ maxLength: 20 }),
);

describe('--set values, fuzzed (fast-check)', () => {
  it('parseOverrides + resolveConfig give a config or a ConfigError, never anything else, and never touch Object.prototype', () => {
    const experiments = ['fig2', 'fig3a', 'fig4'].map((id) => getExperiment(id));
    fc.assert(
      fc.property(
        fc.array(pair, { maxLength: 5 }),
        fc.nat(experiments.length - 1),
        fc.boolean(),
        (pairs, e, quick) => {
          try {
            resolveConfig(experiments[e]!, { quick, overrides: parseOverrides(pairs) });
          } catch (err) {
            if (!(err instanceof ConfigError)) throw err;
            expect(err.message.length).toBeGreaterThan(0);
          }
          expect(Object.keys(Object.prototype)).toEqual([]);
          expect(({} as Record<string, unknown>).x).toBeUndefined();
        },
      ),
      { numRuns: 2000, interruptAfterTimeLimit: 20_000 },
    );
  }, 30_000);

  it('refuses keys that reach a prototype, naming them (a found bug: `--set __proto__.x=1` polluted Object.prototype)', () => {
    expect(() => parseOverrides(['__proto__.polluted=1'])).toThrow("'__proto__' cannot name a config field");
    expect(() =>
      resolveConfig(getExperiment('fig2'), { overrides: { 'constructor.prototype.y': 1 } }),
    ).toThrow(ConfigError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
