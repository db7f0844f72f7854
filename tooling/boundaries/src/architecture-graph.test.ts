import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mermaidGraph } from './mermaid-graph.js';
import { edgeList, manifestGraph } from './package-graph.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const appName = (folder: string): string =>
  (JSON.parse(readFileSync(join(root, 'apps', folder, 'package.json'), 'utf8')) as { name: string }).name;

describe('mermaidGraph', () => {
  it('reads labelled nodes, chained edges and & lists', () => {
    const doc = [
      '```mermaid',
      'graph BT',
      '  t["@rfa/tensor"]',
      '  l["@rfa/layers"] --> t',
      '  r["@rfa/rules"] --> l & t',
      '  app["apps/bench (private)"] --> r --> l',
      '```',
    ].join('\n');
    expect(edgeList(mermaidGraph(doc, (f) => `@rfa/${f}`))).toEqual([
      '@rfa/bench -> @rfa/rules',
      '@rfa/layers -> @rfa/tensor',
      '@rfa/rules -> @rfa/layers',
      '@rfa/rules -> @rfa/tensor',
    ]);
  });

  it('refuses an edge to a node that was never labelled', () => {
    const doc = '```mermaid\ngraph BT\n  a["@rfa/a"] --> b\n```';
    expect(() => mermaidGraph(doc, (f) => f)).toThrow(/node 'b' is used but never labelled/);
  });
});

describe('docs/architecture.md', () => {
  it('draws the package graph of the package.json files: every run-time link, no other', () => {
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const drawn = mermaidGraph(doc, appName);
    const actual = manifestGraph(root);
    expect([...drawn.keys()].sort()).toEqual([...actual.keys()].sort());
    expect(edgeList(drawn)).toEqual(edgeList(actual));
  });
});
