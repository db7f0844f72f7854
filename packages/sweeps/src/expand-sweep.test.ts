import { ConfigError, fig2 } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { cellLabel, expandSweep, gridCells } from './expand-sweep.js';
import { parseSweepSpec } from './sweep-spec.js';

const spec = (extra: object) => parseSweepSpec({ experiment: 'fig2', seeds: 2, quick: true, ...extra });

describe('expandSweep', () => {
  it('makes cells × seeds × rules jobs, each with its cell and settings', () => {
    const jobs = expandSweep(
      spec({
        rules: ['bp', 'fa'],
        set: { steps: 100 },
        grid: { feedbackInit: [0.1, 0.5], evaluateEvery: [10, 20, 50] },
      }),
    );
    expect(jobs).toHaveLength(6 * 2 * 2);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(jobs.length);
    expect(jobs[0]).toMatchObject({
      experiment: 'fig2',
      rule: 'bp',
      seed: 1,
      quick: true,
      settings: { steps: 100, feedbackInit: 0.1, evaluateEvery: 10 },
      cell: { feedbackInit: 0.1, evaluateEvery: 10 },
    });
  });

  it('derives ids from what the job computes, not how it was spelled', () => {
    const [quick] = expandSweep(spec({ rules: ['fa'] }));
    // the quick preset is the defaults with steps 2000: the same config, the same id
    const [spelled] = expandSweep(
      parseSweepSpec({ experiment: 'fig2', seeds: 2, rules: ['fa'], set: { steps: fig2.quick.steps } }),
    );
    expect(spelled.id).toBe(quick.id);
    expect(expandSweep(spec({ rules: ['fa'] }))[0].id).toBe(quick.id); // stable across calls
    const other = expandSweep(spec({ rules: ['fa'], set: { steps: 2001 } }))[0];
    expect(other.id).not.toBe(quick.id);
    expect(quick.id).toMatch(/^fig2-fa-s1-[0-9a-f]{16}$/);
  });

  it('refuses a bad setting before any job exists, naming the field', () => {
    expect(() => expandSweep(spec({ grid: { 'learningRates.fa': [0.1, -1] } }))).toThrow(ConfigError);
    expect(() => expandSweep(spec({ grid: { 'learningRates.fa': [0.1, -1] } }))).toThrow(/learningRates\.fa/);
    expect(() => expandSweep(spec({ rules: ['nope'] }))).toThrow(/no rule 'nope'/);
  });

  it('names cells by their settings', () => {
    expect(gridCells({ a: [1, 2], b: ['x'] })).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'x' },
    ]);
    expect(cellLabel({ a: 1, b: 'x', c: [1, 2] })).toBe('a=1 b=x c=[1,2]');
    expect(cellLabel({})).toBe('defaults');
  });
});
