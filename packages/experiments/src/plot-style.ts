import type { PlotSpec } from './types.js';

/** How a plot's values read: a fraction as percent, an angle in degrees, or as they are. */
export type PlotUnit = PlotSpec['unit'];

/**
 * How both apps draw the paper's reference values (`PlotSpec.reference`): a grey dashed
 * horizontal line, labelled. One place, so the bench's SVG and the demo's canvas agree.
 */
export const REFERENCE_LINE_STYLE = { colour: '#666666', dash: [4, 4] } as const;

/**
 * A value in a plot's unit, for axes, readouts and tables: 0.021 → '2.1%', 45.2 → '45.2°';
 * about `digits` significant digits, no trailing zeros, '–' for a missing or non-finite value.
 * @example
 * formatInUnit(0.021, 'percent'); // '2.1%'
 */
export function formatInUnit(value: number | null | undefined, unit: PlotUnit, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'percent') return `${significant(value * 100, digits)}%`;
  if (unit === 'degrees') return `${significant(value, digits)}°`;
  return significant(value, digits);
}

/** A number with about `digits` significant digits, no trailing zeros, an exponent below 1e-4 or from 1e6. */
function significant(v: number, digits: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e6) return v.toExponential(1);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return String(Number(v.toFixed(decimals)));
}

/**
 * A plot's y-axis title with its unit: 'test error (fraction)' in percent reads
 * 'test error (%)', an angle plot 'angle (°)'; a plain plot keeps its title.
 * @example
 * axisTitle({ yTitle: 'test error (fraction)', unit: 'percent' }); // 'test error (%)'
 */
export function axisTitle(plot: Pick<PlotSpec, 'yTitle' | 'unit'>): string {
  if (plot.unit === 'percent') return `${plot.yTitle.replace(/\s*\(fraction\)/, '')} (%)`;
  if (plot.unit === 'degrees') return `${plot.yTitle.replace(/^degrees$/, 'angle')} (°)`;
  return plot.yTitle;
}
