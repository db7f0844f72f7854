import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

// Every module reachable from index.ts by relative imports, with its bare imports.
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    graph.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const s of specifiers.filter((s) => s.startsWith('.')))
      visit(join(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return graph;
}

describe('the browser entry', () => {
  it('imports nothing from node:* (only @rfa/tensor and fflate)', () => {
    const graph = importGraph(join(srcDir, 'index.ts'));
    expect(graph.size).toBeGreaterThan(10);
    expect(graph.has(join(srcDir, 'node.ts'))).toBe(false);
    const external = new Set([...graph.values()].flat());
    expect([...external].sort()).toEqual(['@rfa/tensor', 'fflate']);
  });

  it('the node entry does use node:fs (so the check above can see it)', () => {
    const external = new Set([...importGraph(join(srcDir, 'node.ts')).values()].flat());
    expect(external.has('node:fs/promises')).toBe(true);
  });
});
