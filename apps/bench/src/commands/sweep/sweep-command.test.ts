import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'rfa-sweep-cli-'));
const tiny = ['--set', 'steps=300', '--set', 'heldOut=100'];

/** Runs the CLI, returning its exit code and what it printed. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('pnpm bench sweep (local pool) and collect', () => {
  it('runs every cell × seed × rule, writes results as they finish and the report, and skips them when run again', async () => {
    const dir = tmp();
    const args = [
      'sweep',
      'fig2',
      '--rules',
      'fa',
      '--seeds',
      '1-3',
      ...tiny,
      '--grid',
      'feedbackInit=0.1,0.5',
    ];
    const first = await cli(...args, '--workers', '2', '--out', dir);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/2 cell\(s\) × 3 seed\(s\) × 1 rule\(s\) = 6 job\(s\)/);
    const jobFiles = readdirSync(join(dir, 'jobs'));
    expect(jobFiles).toHaveLength(6);
    const report = JSON.parse(readFileSync(join(dir, 'fig2-sweep.json'), 'utf8'));
    expect(report.results['fa feedbackInit=0.1'].final.nse.n).toBe(3);
    expect(report.results['fa feedbackInit=0.5'].final.nse.n).toBe(3);
    expect(report.analysis.ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    const [best, second] = report.analysis.ranking;
    expect(best.mean).toBeLessThanOrEqual(second.mean);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('Ranking by nse');
    expect(existsSync(join(dir, 'fig2-sweep-nse.svg'))).toBe(true);
    const provenance = JSON.parse(readFileSync(join(dir, 'jobs', jobFiles[0]), 'utf8')).provenance;
    expect(Object.keys(provenance).sort()).toEqual(
      [
        'backend',
        'experimentsVersion',
        'gitCommit',
        'hostname',
        'pid',
        'rfaVersion',
        'runtime',
        'startedAt',
        'wallSeconds',
      ].sort(),
    );

    // the same sweep again: every job has its result, none is run or written again
    const mtimes = jobFiles.map((f) => statSync(join(dir, 'jobs', f)).mtimeMs);
    const again = await cli(...args, '--out', dir);
    expect(again.code, again.err).toBe(0);
    expect(jobFiles.map((f) => statSync(join(dir, 'jobs', f)).mtimeMs)).toEqual(mtimes);

    // collect reads the sweep saved in the folder and writes the same numbers
    writeFileSync(join(dir, 'fig2-sweep.json'), '{}');
    const collected = await cli('collect', '--out', dir);
    expect(collected.code, collected.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'fig2-sweep.json'), 'utf8')).results).toEqual(report.results);
  });

  it('refuses bad input naming the field, before running anything', async () => {
    const dir = tmp();
    const grid = await cli('sweep', 'fig2', '--grid', 'feedbackInit=0.1,-1', '--out', dir);
    expect(grid.code).toBe(2);
    expect(grid.err).toMatch(/feedbackInit/);
    const seeds = await cli('sweep', 'fig2', '--seeds', '0', '--out', dir);
    expect([seeds.code, seeds.err]).toEqual([2, expect.stringMatching(/--seeds '0'/)]);
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ experiment: 'fig2', seeds: 2, grid: { feedbackInit: 0.1 } }));
    const file = await cli('sweep', '--spec', spec, '--out', dir);
    expect([file.code, file.err]).toEqual([2, expect.stringMatching(/field 'grid.feedbackInit'/)]);
    expect(existsSync(join(dir, 'jobs'))).toBe(false);
    expect((await cli('collect', '--out', join(dir, 'none'))).err).toMatch(/no sweep in/);
  });
});
