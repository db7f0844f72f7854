import { ConfigError } from '@rfa/experiments';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SweepSpecError } from './errors.js';
import { expandSweep, MAX_JOBS } from './expand-sweep.js';
import { parseGrid } from './grid.js';
import { MAX_SEEDS, parseSeeds } from './seeds.js';
import { parseSweepSpec } from './sweep-spec.js';

/** Runs `f`; a SweepSpecError or ConfigError with a message is a fine answer to bad input, anything else fails. */
function namedErrorOr<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof SweepSpecError) && !(err instanceof ConfigError)) throw err;
    expect(err.message).toMatch(/\S/);
    return undefined;
  }
}

const digits = fc.oneof(fc.nat(30), fc.constantFrom(0, 100_000, 100_001, 1e9, 1e21, Number.MAX_SAFE_INTEGER));
const seedsText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc
    .array(
      fc.oneof(
        digits.map(String),
        fc.tuple(digits, digits).map(([a, b]) => `${a}-${b}`),
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join(',')),
);

describe('sweep parsers, fuzzed (fast-check)', () => {
  it('parseSeeds: a list of at most MAX_SEEDS distinct positive integers, or SweepSpecError, quickly', () => {
    fc.assert(
      fc.property(seedsText, (text) => {
        const seeds = namedErrorOr(() => parseSeeds(text));
        if (!seeds) return;
        expect(seeds.length).toBeGreaterThan(0);
        expect(seeds.length).toBeLessThanOrEqual(MAX_SEEDS);
        expect(new Set(seeds).size).toBe(seeds.length);
        expect(seeds.every((s) => Number.isSafeInteger(s) && s >= 1)).toBe(true);
      }),
      { numRuns: 1000, interruptAfterTimeLimit: 15_000 },
    );
    // found by this test: a count or range this large used to be allocated before any check
    expect(() => parseSeeds('1000000000')).toThrow(`more than ${MAX_SEEDS} seeds`);
    expect(() => parseSeeds('5-99999999999999999999')).toThrow(SweepSpecError);
    expect(() => parseSeeds('0,0')).toThrow('seeds are positive'); // and seed 0 slipped through a list
  }, 30_000);

  const word = fc.oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'steps',
      'learningRates.fa',
      'feedbackInit',
      'hidden',
    ),
    fc.string({ maxLength: 8 }),
  );
  const gridPair = fc.oneof(
    fc
      .tuple(
        word,
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.json({ maxDepth: 1 })), { maxLength: 4 }),
      )
      .map(([k, vs]) => `${k}=${vs.join(',')}`),
    fc.string({ maxLength: 16 }),
  );

  it('parseGrid then a whole spec: jobs or a named error; never a crash, a polluted prototype or a runaway grid', () => {
    fc.assert(
      fc.property(
        fc.array(gridPair, { maxLength: 3 }),
        fc.array(gridPair, { maxLength: 2 }),
        fc.oneof(fc.nat(5), fc.constantFrom(MAX_SEEDS + 1, 1e12)),
        (gridPairs, setPairs, seeds) => {
          const grid = namedErrorOr(() => parseGrid(gridPairs));
          const set = namedErrorOr(() => parseGrid(setPairs));
          if (!grid || !set) return;
          const flat = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, v[0]]));
          const spec = namedErrorOr(() =>
            parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds, set: flat, grid }),
          );
          const jobs = spec && namedErrorOr(() => expandSweep(spec));
          if (jobs)
            expect(jobs.length).toBe(
              Object.values(grid).reduce((n, v) => n * v.length, 1) * spec!.seeds.length,
            );
          expect(Object.keys(Object.prototype)).toEqual([]);
        },
      ),
      { numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
    const wide = Array.from(
      { length: 7 },
      (_, i) => `k${i}=${Array.from({ length: 10 }, (_, j) => j).join(',')}`,
    );
    expect(() =>
      expandSweep(parseSweepSpec({ experiment: 'fig2', seeds: 1, grid: parseGrid(wide) })),
    ).toThrow(`the grid has 10000000 cells, more than the ${MAX_JOBS} jobs`);
  }, 40_000);

  it('parseSweepSpec on any JSON value: a spec or SweepSpecError naming a field', () => {
    const specLike = fc.record(
      {
        experiment: fc.oneof(fc.constantFrom('fig2', 'fig3a', 'nope', ''), fc.json()),
        rules: fc.oneof(fc.array(fc.constantFrom('fa', 'bp', 'dfa', '')), fc.json()),
        seeds: fc.oneof(
          fc.integer(),
          fc.record({ from: fc.integer(), to: fc.integer() }),
          fc.array(fc.integer(), { maxLength: 5 }),
          fc.json(),
        ),
        quick: fc.oneof(fc.boolean(), fc.json()),
        set: fc.oneof(fc.dictionary(fc.string(), fc.json()), fc.json()),
        grid: fc.oneof(
          fc.dictionary(fc.string(), fc.array(fc.json(), { minLength: 1, maxLength: 3 })),
          fc.json(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(specLike, fc.jsonValue()), (input) => {
        const spec = namedErrorOr(() => parseSweepSpec(input));
        if (spec) expect(spec.seeds.length).toBeLessThanOrEqual(MAX_SEEDS);
      }),
      { numRuns: 3000, interruptAfterTimeLimit: 15_000 },
    );
    // found by these tests: a '__proto__' key in --grid or a spec file's set/grid vanished without a word
    expect(() => parseGrid(['__proto__=1,2'])).toThrow(
      "--grid '__proto__': '__proto__' cannot name a setting",
    );
    const fromFile = JSON.parse('{"experiment":"fig2","seeds":1,"set":{"__proto__":{"steps":5}}}');
    expect(() => parseSweepSpec(fromFile)).toThrow(
      "field 'set.__proto__': '__proto__' cannot name a setting",
    );
  }, 30_000);
});
