import type { PlotSpec } from '@rfa/experiments';

/** How a plot's values read: a fraction shown as percent, an angle in degrees, or as they are. */
export type PlotUnit = PlotSpec['unit'];

/** A value in a unit, for axes and readouts: 0.021 → '2.1%', 45.2 → '45°'. */
export function formatInUnit(v: number | null | undefined, unit: PlotUnit, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (unit === 'percent') return `${trim(v * 100, digits)}%`;
  if (unit === 'degrees') return `${trim(v, digits)}°`;
  return trim(v, digits);
}

/** A number with about `digits` significant digits, no trailing zeros, no exponent above 1e-4. */
function trim(v: number, digits: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e6) return v.toExponential(1);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return String(Number(v.toFixed(decimals)));
}
