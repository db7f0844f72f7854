import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brokenLinks, extractLinks, headingAnchors, headingSlug, markdownFiles } from './markdown-links.js';
import { ROOT } from './publishable-packages.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway repository holding `files` (path → content). */
function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rfa-links-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('headingSlug', () => {
  it('writes anchors as GitHub does', () => {
    expect(headingSlug('The spiking network of Fig. 4')).toBe('the-spiking-network-of-fig-4');
    expect(headingSlug('Kernels and what bounds them')).toBe('kernels-and-what-bounds-them');
    expect(headingSlug('`@rfa/spiking` — the API')).toBe('rfaspiking--the-api');
    expect(headingSlug('[Fig. 2](docs/x.md), n = 20')).toBe('fig-2-n--20');
  });

  it('numbers repeated headings and ignores # lines inside code', () => {
    const anchors = headingAnchors('# Speed\n\n```sh\n# not a heading\n```\n## Speed\n<a id="here"></a>\n');
    expect([...anchors].sort()).toEqual(['here', 'speed', 'speed-1']);
  });
});

describe('extractLinks', () => {
  it('finds inline links, images, HTML and reference definitions, and skips code', () => {
    const text = [
      'See [a](docs/a.md#x) and ![b](img/b.png "title").',
      '<img src="docs/c.png" width="2">',
      '`[not](a-link.md)`',
      '```md',
      '[nor](this.md)',
      '```',
      '[ref]: ../elsewhere.md',
    ].join('\n');
    expect(extractLinks(text)).toEqual([
      { line: 1, target: 'docs/a.md#x' },
      { line: 1, target: 'img/b.png' },
      { line: 2, target: 'docs/c.png' },
      { line: 7, target: '../elsewhere.md' },
    ]);
  });
});

describe('brokenLinks on a fixture', () => {
  it('accepts a repository whose links all resolve', () => {
    const root = repo({
      'README.md':
        '# r\n[docs](docs/guide.md#two-words) [pkg](packages/p) [web](https://doi.org/10.1038/ncomms13276) [top](#r)\n',
      'docs/guide.md': '# Guide\n## Two words\n[back](../README.md)\n',
      'packages/p/README.md': '# p\n[guide](../../docs/guide.md#guide)\n',
    });
    expect(brokenLinks(root)).toEqual([]);
  });

  it('names a missing file, a missing heading, a link outside and a path beside the repository', () => {
    const root = repo({
      'README.md': '# r\n\n[gone](docs/missing.md)\n[anchor](docs/guide.md#nowhere)\n',
      'docs/guide.md': '# Guide\nsee [notes](../../shared/paper/NOTES.md)\n',
      'apps/a/README.md': '# a\n[self](#nope)\nrun `cat ../shared/paper/NOTES.md`\n',
      'packages/p/CHANGELOG.md': '[ignored](nowhere.md)\n',
    });
    expect(brokenLinks(root)).toEqual([
      {
        file: 'README.md',
        line: 3,
        target: 'docs/missing.md',
        reason: 'names no file or folder of the repository',
      },
      {
        file: 'README.md',
        line: 4,
        target: 'docs/guide.md#nowhere',
        reason: 'names no heading #nowhere in docs/guide.md',
      },
      {
        file: 'apps/a/README.md',
        line: 2,
        target: '#nope',
        reason: 'names no heading #nope in apps/a/README.md',
      },
      {
        file: 'apps/a/README.md',
        line: 3,
        target: '../shared/',
        reason: 'names a path outside the repository',
      },
      {
        file: 'docs/guide.md',
        line: 2,
        target: '../../shared/paper/NOTES.md',
        reason: 'points outside the repository',
      },
      {
        file: 'docs/guide.md',
        line: 2,
        target: '../../shared/',
        reason: 'names a path outside the repository',
      },
    ]);
  });
});

describe("the repository's Markdown", () => {
  it('covers the root, package, app and docs files, and no CHANGELOG', () => {
    const files = markdownFiles(ROOT).map((f) => relative(ROOT, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'packages/tensor/README.md',
        'apps/bench/README.md',
        'docs/performance.md',
        'docs/results/fig4.md',
      ]),
    );
    expect(files.filter((f) => f.endsWith('CHANGELOG.md'))).toEqual([]);
  });

  it('has every relative link resolve inside the repository', () => {
    const report = brokenLinks(ROOT).map((b) => `${b.file}:${b.line} ${b.target} ${b.reason}`);
    expect(report).toEqual([]);
  });
});
