import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

// Bare imports of every module reachable from `entry` by relative imports.
function externalImports(entry: string): { files: Set<string>; external: Set<string> } {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, s] of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
      if (s.startsWith('.')) visit(join(dirname(file), s.replace(/\.js$/, '.ts')));
      else external.add(s);
    }
  };
  visit(entry);
  return { files, external };
}

describe('the browser entry', () => {
  it('imports nothing from node:* (only other @rfa packages)', () => {
    const { files, external } = externalImports(join(srcDir, 'index.ts'));
    expect(files.size).toBeGreaterThan(10);
    expect(files.has(join(srcDir, 'node.ts'))).toBe(false);
    expect([...external].sort()).toEqual([
      '@rfa/learning-rules',
      '@rfa/learning-rules/internal',
      '@rfa/tensor',
    ]);
  });

  it('the node entry does use node:fs (so the check above can see it)', () => {
    expect(externalImports(join(srcDir, 'node.ts')).external.has('node:fs/promises')).toBe(true);
  });
});
