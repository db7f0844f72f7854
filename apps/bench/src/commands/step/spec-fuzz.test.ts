import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../cli-error.js';
import { parseStepSpec } from './spec.js';

const valid = () => ({
  layers: [
    { in: 3, out: 2, activation: 'tanh' },
    { in: 2, out: 2, activation: 'linear' },
  ],
  weights: [
    [
      [0.1, -0.2, 0.3],
      [0.0, 0.5, -0.1],
    ],
    [
      [0.2, 0.1],
      [-0.3, 0.4],
    ],
  ],
  biases: [
    [0, 0.1],
    [0.2, 0],
  ],
  feedback: [
    null,
    [
      [0.5, 0.1],
      [-0.2, 0.3],
    ],
  ],
  rule: 'fa',
  loss: 'mse',
  x: [[1, 0, -1]],
  target: [[0.5, -0.5]],
  lr: 0.1,
  weightDecay: 0,
});

/** parseStepSpec's answer: the spec, or a CliError naming a field; any other throw fails the property. */
function parsedOrRefused(raw: unknown): 'parsed' | 'refused' {
  try {
    parseStepSpec(raw);
    return 'parsed';
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    expect(err.message).toMatch(/^spec: /);
    return 'refused';
  }
}

/** Every path to a value inside `value` (object keys and array indices). */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

describe('the bench step spec, fuzzed (fast-check)', () => {
  it('the valid spec parses', () => {
    expect(parsedOrRefused(valid())).toBe('parsed');
  });

  it('any JSON value: refused with a CliError naming the field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        expect(parsedOrRefused(raw)).toBe('refused');
      }),
      { numRuns: 2000 },
    );
  });

  it('the valid spec with any one value (or subtree) replaced by any JSON: parsed or a named CliError, never a crash', () => {
    const all = paths(valid()).filter((p) => p.length > 0);
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(1e308, -1, 0, 2 ** 32, 1e9, '__proto__', 'constructor', null, [], {}),
    );
    fc.assert(
      fc.property(fc.nat(all.length - 1), hostile, (i, replacement) => {
        const spec = valid() as unknown as Record<string | number, unknown>;
        const path = all[i]!;
        let node = spec;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        node[path.at(-1)!] = replacement;
        parsedOrRefused(spec);
      }),
      { numRuns: 3000 },
    );
  });
});
