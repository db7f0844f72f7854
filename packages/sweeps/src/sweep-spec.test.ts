import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepSpec, parseSweepSpec } from './sweep-spec.js';

describe('parseSweepSpec', () => {
  it('lists seeds from a range, a count or a list, and fills defaults', () => {
    expect(parseSweepSpec({ experiment: 'fig2', seeds: { from: 3, to: 5 } })).toEqual({
      experiment: 'fig2',
      seeds: [3, 4, 5],
      quick: false,
      set: {},
      grid: {},
    });
    expect(parseSweepSpec({ experiment: 'fig2', seeds: 2 }).seeds).toEqual([1, 2]);
    expect(parseSweepSpec({ experiment: 'fig2', seeds: [4, 4, 9] }).seeds).toEqual([4, 9]);
  });

  it.each([
    [{ seeds: 2 }, 'experiment'],
    [{ experiment: 'fig2', seeds: 0 }, 'seeds'],
    [{ experiment: 'fig2', seeds: { from: 5, to: 2 } }, 'seeds'],
    [{ experiment: 'fig2', seeds: 2, grid: { lr: [] } }, 'grid.lr'],
    [{ experiment: 'fig2', seeds: 2, rules: ['fa', 3] }, 'rules.1'],
    [{ experiment: 'fig2', seeds: 2, sede: 1 }, 'sede'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => parseSweepSpec(input)).toThrow(
      expect.objectContaining({ field, message: expect.stringContaining(`'${field}'`) }),
    );
  });

  it('reads a JSON file and names the file in its errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfa-spec-'));
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify({ experiment: 'fig2', seeds: 2, grid: { steps: [10, 20] } }),
    );
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ experiment: 'fig2', seeds: 'many' }));
    writeFileSync(join(dir, 'junk.json'), '{ not json');
    expect((await loadSweepSpec(join(dir, 'ok.json'))).grid).toEqual({ steps: [10, 20] });
    await expect(loadSweepSpec(join(dir, 'bad.json'))).rejects.toThrow(
      /bad\.json: sweep spec: field 'seeds'/,
    );
    await expect(loadSweepSpec(join(dir, 'junk.json'))).rejects.toThrow(/junk\.json' is not JSON/);
    await expect(loadSweepSpec(join(dir, 'none.json'))).rejects.toThrow(/none\.json/);
  });
});
