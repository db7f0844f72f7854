/**
 * JSON that keeps every number exactly (shortest round-trip decimal, NaN and ±Infinity as
 * strings), so two runs compare bit for bit as text.
 */
export const exactJson = (value: unknown): string =>
  JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
