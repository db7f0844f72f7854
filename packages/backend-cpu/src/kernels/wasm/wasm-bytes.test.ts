import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// wasm-bytes.ts and kernel-exports.ts are generated but committed (tests run without a
// build): they must match what asm/*.ts compiles to, or the tests would test stale kernels
// and the TypeScript side could call an export with the wrong signature
describe('embedded wasm kernels and KernelExports', () => {
  it('match a fresh compile of asm/*.ts', () => {
    const script = fileURLToPath(new URL('../../../scripts/build-wasm.mjs', import.meta.url));
    const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(output).toMatch(/match/);
  }, 120_000);
});
