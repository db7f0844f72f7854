import { mkdtempSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';

afterEach(() => vi.restoreAllMocks());

describe('pnpm bench sweep with a damaged result in its folder', () => {
  it('says which file, moves it aside and runs that job again; the report is whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfa-sweep-corrupt-'));
    const args = [
      'sweep',
      'fig2',
      '--rules',
      'fa',
      '--seeds',
      '1-2',
      '--set',
      'steps=300',
      '--out',
      dir,
      '--workers',
      '1',
    ];
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation((...a) => void printed.push(a.join(' ')));
    expect(await main(args)).toBe(0);
    const jobs = join(dir, 'jobs');
    const [first, second] = readdirSync(jobs).sort();
    const before = readFileSync(join(jobs, first!), 'utf8');
    truncateSync(join(jobs, first!), 50);
    printed.length = 0;
    expect(await main(args)).toBe(0);
    expect(printed.join('\n')).toContain(`${join(jobs, first!)}: not JSON (`);
    expect(printed.join('\n')).toContain(
      `moved to ${join(jobs, `${first!}.corrupt`)}, and job ${first!.replace(/\.json$/, '')} counts as not run (it runs again)`,
    );
    expect(readdirSync(jobs).sort()).toEqual([first, `${first}.corrupt`, second]);
    const run = (text: string) => JSON.parse(text).run;
    expect(run(readFileSync(join(jobs, first!), 'utf8'))).toEqual(run(before)); // re-run to the same numbers
  }, 60_000);
});
