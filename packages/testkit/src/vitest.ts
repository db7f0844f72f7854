import type { Backend } from '@rfa/tensor';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { caseSeed, conformanceCases, resolveTolerance, skipReason } from './conformance/index.js';
import type { ConformanceOptions } from './conformance/types.js';

/**
 * Registers the conformance suite as vitest tests, one test per case.
 * Skipped cases show up as skipped tests whose title carries the reason.
 * @example
 * describeConformance('cpu', () => createCpuBackend());
 */
export function describeConformance(
  label: string,
  create: () => Backend | Promise<Backend>,
  options: ConformanceOptions = {},
): void {
  describe(`conformance: ${label}`, () => {
    let backend: Backend;
    const tolerance = resolveTolerance(options);
    beforeAll(async () => {
      backend = await create();
    });
    afterAll(() => backend?.dispose());
    for (const c of conformanceCases(options)) {
      const reason = skipReason(c, options);
      if (reason) it.skip(`${c.name} — skipped: ${reason}`, () => {});
      else it(c.name, () => c.run(backend, { tolerance, seed: caseSeed(c.name) }));
    }
  });
}
