import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// wasm-bytes.ts is generated but committed (tests run without a build): it must
// match what asm/*.ts compiles to, or the tests would test stale kernels
describe('embedded wasm kernels', () => {
  it('match a fresh compile of asm/*.ts', () => {
    const script = fileURLToPath(new URL('../../../scripts/build-wasm.mjs', import.meta.url));
    const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(output).toMatch(/match/);
  }, 30_000);
});
