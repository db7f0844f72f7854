import type { PlotSeries } from '@rfa/experiments';

/**
 * One drawn curve of a chart: a `plotSeries` line (key `rule metric`) or an edge of its band
 * (key `rule metric +` / `rule metric -`), thin and translucent in the rule's colour.
 */
export interface DrawnLine {
  key: string;
  rule: string;
  label: string;
  colour: string;
  dash?: number[];
  width: number;
  /** The edge of a band: not in the legend or the readout. */
  edge: boolean;
  /** x → y where the value is there. */
  values: Map<number, number>;
}

/**
 * A line of `plotSeries` as the curves a chart draws: the line (width 2, 1.5 when dashed),
 * then its band's upper and lower edge, each with its values by x (missing values left out).
 * @example
 * drawnLines({ rule: 'fa', metric: 'nse', label: 'fa', colour: '#D55E00', x: [0], y: [1] });
 */
export function drawnLines(line: PlotSeries): DrawnLine[] {
  const key = `${line.rule} ${line.metric}`;
  const values = (ys: (number | null)[]) => {
    const m = new Map<number, number>();
    ys.forEach((y, i) => {
      if (y !== null) m.set(line.x[i], y);
    });
    return m;
  };
  const main: DrawnLine = {
    key,
    rule: line.rule,
    label: line.label,
    colour: line.colour,
    ...(line.dash ? { dash: line.dash } : {}),
    width: line.dash ? 1.5 : 2,
    edge: false,
    values: values(line.y),
  };
  if (!line.band) return [main];
  const edge = (sign: '+' | '-', ys: (number | null)[]): DrawnLine => ({
    key: `${key} ${sign}`,
    rule: line.rule,
    label: `${line.rule} ${sign === '+' ? '+' : '−'} band`,
    colour: `${line.colour}99`,
    width: 1,
    edge: true,
    values: values(ys),
  });
  return [main, edge('+', line.band.upper), edge('-', line.band.lower)];
}
