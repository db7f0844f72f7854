import { configFields, experimentIds, getExperiment } from '@rfa/experiments';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRun, SettingsError } from './run-settings.js';
import { decodeSettings, encodeSettings } from './url-state.js';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><script>alert(1)</script>',
  "'-alert(1)-'",
  '{"__proto__":{"polluted":1}}',
];
const MARKUP = /<|>|javascript:/i;

/** Every string anywhere in `value` (keys and values). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

/**
 * What a link does: decoded and resolved to a run, or a SettingsError (shown as text, never
 * parsed as markup). Anything else thrown fails the test.
 */
function follow(query: string): { run?: ReturnType<typeof resolveRun>; error?: SettingsError } {
  try {
    const s = decodeSettings(query);
    return s ? { run: resolveRun(s) } : {};
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    return { error: err };
  }
}

describe('the shareable URL under hostile input', () => {
  const fields = experimentIds().flatMap((id) => [
    ...['experiment', 'rules', 'seed', 'seeds', 'backend', 'spf'].map((key) => ({ id, key })),
    ...configFields(getExperiment(id)).map((f) => ({ id, key: f.key })),
  ]);

  it('a markup or script payload in any field is refused with a SettingsError; none reaches the run', () => {
    expect(fields.length).toBeGreaterThan(40);
    for (const { id, key } of fields)
      for (const payload of PAYLOADS) {
        const q = new URLSearchParams({ experiment: id });
        q.set(key, payload);
        const { run, error } = follow(q.toString());
        const where = `${id} ${key}=${payload}`;
        if (run)
          expect(
            strings(run).filter((s) => MARKUP.test(s) || s.includes('__proto__')),
            where,
          ).toEqual([]);
        else expect(error, where).toBeInstanceOf(SettingsError);
      }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('payloads as query keys (not fields) are refused by name; __proto__ and constructor never reach a prototype', () => {
    for (const key of [
      ...PAYLOADS,
      '__proto__',
      'constructor',
      '__proto__.polluted',
      'constructor.prototype.polluted',
    ]) {
      const q = new URLSearchParams({ experiment: 'fig2' });
      q.set(key, '1');
      const { run, error } = follow(q.toString());
      expect(run, key).toBeUndefined();
      expect(error, key).toBeInstanceOf(SettingsError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('any query string (fast-check): null, a run, or a SettingsError; a run re-encodes to a query with no raw markup', () => {
    const key = fc.oneof(
      fc.constantFrom(
        'experiment',
        'rules',
        'seed',
        'seeds',
        'backend',
        'spf',
        'hiddenUnits',
        'learningRates.fa',
        '__proto__',
      ),
      fc.string({ maxLength: 8 }),
    );
    const value = fc.oneof(
      fc.constantFrom(...PAYLOADS, 'fig2', 'fig3a', 'bp,fa', 'cpu', '3'),
      fc.string({ maxLength: 10 }),
      fc.json({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, value), { maxLength: 5 }),
        fc.constantFrom(...experimentIds()),
        (pairs, id) => {
          const q = new URLSearchParams({ experiment: id });
          for (const [k, v] of pairs) q.append(k, v);
          const { run } = follow(q.toString());
          if (!run) return;
          const again = encodeSettings(decodeSettings(q.toString())!, run.config, run.rules);
          expect(again).not.toMatch(/[<>"']|javascript:/i);
          expect(follow(again).run).toEqual(run);
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 60_000 },
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  }, 120_000);
});
