import type { JobResult } from './job-result.js';

const NON_FINITE: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

const special = (v: number) => !Number.isFinite(v) || Object.is(v, -0);

/**
 * A result as JSON text that keeps every number's bits: finite numbers round-trip through
 * JSON exactly, except -0 (written 0) and NaN and ±Infinity (written null): those are
 * written as strings.
 */
export function encodeResult(result: JobResult): string {
  return JSON.stringify(result, (_, v) =>
    typeof v === 'number' && special(v) ? (Object.is(v, -0) ? '-0' : String(v)) : v,
  );
}

/** The inverse of `encodeResult`. */
export function decodeResult(text: string): JobResult {
  return JSON.parse(text, (_, v) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v));
}
