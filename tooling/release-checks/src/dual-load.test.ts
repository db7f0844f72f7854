import { describe, expect, it } from 'vitest';
import { runDualLoad } from './run-dual-load.js';

describe('ESM and CJS entries of @rfa/tensor and @rfa/datasets in one process (built packages)', () => {
  it('share one registry, one scope stack and one set of error classes', () => {
    const result = runDualLoad();
    expect(result.failed, result.output).toEqual([]);
    expect(result.passed.length, result.output).toBeGreaterThanOrEqual(20);
    expect(result.status, result.output).toBe(0);
  });
});
