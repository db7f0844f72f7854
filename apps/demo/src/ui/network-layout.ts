/** Where the diagram puts one layer: a column of up to `dots` units, `more` standing for the rest. */
export interface LayerColumn {
  x: number;
  width: number;
  dots: number;
  /** Units not drawn (shown as '+ n'). */
  more: number;
  /** The layer's description, from the experiment (`layerLabels`). */
  label: string;
  /** 0: the top row of labels; 1: the row below it, where neighbouring labels would touch. */
  labelRow: 0 | 1;
}

/** One weight matrix between two columns, and the feedback matrix beside it, if the layer has one. */
export interface Connection {
  from: number;
  to: number;
  /** 'W₀', 'W₁', … from the input up. */
  forward: string;
  /** 'B₁', …; null for the first layer, whose error is never sent further down. */
  feedback: string | null;
  /** The metric holding this matrix's W-vs-Bᵀ angle: `weightAngle` for the top layer, then `weightAngle1`, …. */
  angleMetric: string | null;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => [...String(n)].map((d) => SUBSCRIPTS[Number(d)]).join('');

/** The most dots a column draws. */
export const MAX_DOTS = 8;

/**
 * A generous width of one character of the diagram's text, in its own units: the phone's
 * 20 px type in a 0.6-em average glyph (the diagram is drawn at about 0.65 of its size there).
 */
export const CHAR_WIDTH = 12;

/** The estimated width, in diagram units, of a line of `chars` characters. */
export const textWidth = (chars: number) => chars * CHAR_WIDTH;

/**
 * Columns and connections of a layered network's diagram (the paper's Fig. 1): layer
 * widths, input first, spread over `width`. Each connection's forward matrix W carries
 * activity up; each above the first has a feedback matrix B carrying the error down, and
 * its W-vs-Bᵀ angle is the experiments' `weightAngle` (top layer), `weightAngle1` (the one
 * below), and so on. Column labels take turns between two rows when two neighbours'
 * labels would not fit side by side in the gap between columns (`step`).
 * @example
 * networkLayout([784, 1000, 10], ['784 in', '1000 hidden', '10 out'], 600).connections[1]; // { forward: 'W₁', feedback: 'B₁', angleMetric: 'weightAngle', … }
 */
export function networkLayout(
  widths: readonly number[],
  labels: readonly string[],
  width: number,
): {
  columns: LayerColumn[];
  connections: Connection[];
  /** The distance between neighbouring columns. */
  step: number;
} {
  if (widths.length < 2 || widths.some((w) => !Number.isInteger(w) || w < 1))
    throw new RangeError(
      `networkLayout: need two or more positive whole layer widths, got [${widths.join(', ')}]`,
    );
  if (labels.length !== widths.length)
    throw new RangeError(`networkLayout: ${labels.length} labels for ${widths.length} layers`);
  const margin = 50;
  const step = (width - 2 * margin) / (widths.length - 1);
  const last = widths.length - 1;
  const crowded = labels.some(
    (l, i) => i > 0 && (textWidth(l.length) + textWidth(labels[i - 1].length)) / 2 + CHAR_WIDTH > step,
  );
  const columns = widths.map((w, i) => ({
    x: margin + i * step,
    width: w,
    dots: Math.min(w, MAX_DOTS),
    more: Math.max(0, w - MAX_DOTS),
    label: labels[i],
    labelRow: (crowded ? i % 2 : 0) as 0 | 1,
  }));
  const connections = widths.slice(1).map((_, i) => {
    const fromTop = last - 1 - i;
    return {
      from: i,
      to: i + 1,
      forward: `W${sub(i)}`,
      feedback: i === 0 ? null : `B${sub(i)}`,
      angleMetric: i === 0 ? null : fromTop === 0 ? 'weightAngle' : `weightAngle${fromTop}`,
    };
  });
  return { columns, connections, step };
}
