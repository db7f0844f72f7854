import { describe, expect, it } from 'vitest';
import type { JobResult } from './job-result.js';
import { decodeResult, encodeResult } from './result-codec.js';

describe('encodeResult / decodeResult', () => {
  it('keeps every number bit for bit, NaN and infinities included', () => {
    const values = [
      0.1 + 0.2,
      1 / 3,
      5e-324,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    const result = { run: { final: { nse: values[0] }, curves: { x: values } } } as unknown as JobResult;
    const back = decodeResult(encodeResult(result));
    const bits = (xs: number[]) => [...new BigUint64Array(new Float64Array(xs).buffer)];
    expect(bits(back.run.curves.x)).toEqual(bits(values));
    expect(Object.is(back.run.curves.x[3], -0)).toBe(true);
  });
});
