import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Rng } from '@rfa/tensor';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/bundle-size.mjs', import.meta.url));
const dist = mkdtempSync(join(tmpdir(), 'rfa-bundle-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** `n` characters that gzip cannot shrink much (seeded draws from 90 printable ones). */
const noise = (n: number, seed: number) => {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => String.fromCharCode(33 + rng.int(90))).join('');
};

// a page that imports a shared chunk and starts a worker by URL; the worker imports the
// shared chunk too; the GPU chunk is reached through import() only
const files: Record<string, string> = {
  'index-a.js': `import{s}from"./shared-b.js";var w=new URL(\`worker-c.js\`,import.meta.url).href;const g=()=>import("./gpu-d.js");/*${noise(3000, 1)}*/`,
  'shared-b.js': `export const s=1;/*${noise(20_000, 2)}*/`,
  'worker-c.js': `import"./shared-b.js";/*${noise(5000, 3)}*/`,
  'gpu-d.js': `export const gpu=1;/*${noise(50_000, 4)}*/`,
};
mkdirSync(join(dist, 'assets'));
for (const [f, text] of Object.entries(files)) writeFileSync(join(dist, 'assets', f), text);
writeFileSync(
  join(dist, 'index.html'),
  '<script type="module" crossorigin src="./assets/index-a.js"></script>',
);
const kb = (f: string) => gzipSync(files[f], { level: 9 }).length / 1000;

const run = (budget: number) =>
  spawnSync(process.execPath, [script, dist, String(budget)], { encoding: 'utf8' });
/** The kB a printed line gives (`  loaded     12.3 kB  index-a.js`, `…: 45.6 kB of a …`). */
const printed = (out: string, pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? Number.NaN);

describe('the bundle budget (scripts/bundle-size.mjs)', () => {
  it('counts the page, its static imports and its worker (with the worker’s imports) as what a visit loads, import() apart', () => {
    const { stdout, status } = run(300);
    expect(status).toBe(0);
    for (const f of ['index-a.js', 'shared-b.js', 'worker-c.js'])
      expect(stdout).toMatch(new RegExp(`loaded +${kb(f).toFixed(1)} kB  ${f}`));
    expect(stdout).toMatch(new RegExp(`on use +${kb('gpu-d.js').toFixed(1)} kB  gpu-d.js`));
    const visit = kb('index-a.js') + kb('shared-b.js') + kb('worker-c.js');
    expect(printed(stdout, /visit loads[^:]*: ([\d.]+) kB/)).toBeCloseTo(visit, 1);
    expect(printed(stdout, /GPU backend included: ([\d.]+) kB/)).toBeCloseTo(visit + kb('gpu-d.js'), 1);
    expect(kb('gpu-d.js')).toBeGreaterThan(30); // 50 000 characters of noise compress little
  });

  it('fails the build (exit 1, naming the size) above the budget and passes at or under it', () => {
    const visit = printed(run(300).stdout, /visit loads[^:]*: ([\d.]+) kB/);
    const over = run(visit - 0.5);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain(`a visit loads ${visit.toFixed(1)} kB, over the ${visit - 0.5} kB budget`);
    expect(run(visit + 0.5).status).toBe(0);
  });
});
