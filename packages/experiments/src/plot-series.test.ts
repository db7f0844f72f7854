import { describe, expect, it } from 'vitest';
import { fig2 } from './definitions/fig2.js';
import { plotSeries } from './plot-series.js';
import type { PlotSpec } from './types.js';

const experiment = {
  rules: { bp: { description: '' }, fa: { description: '' }, 'fa-4layer': { description: '' } },
};
const plot = (p: Partial<PlotSpec>): PlotSpec => ({
  metric: 'nse',
  title: 't',
  yTitle: 'y',
  unit: 'plain',
  ...p,
});

describe('plotSeries', () => {
  it("gives one line per rule in the experiment's order, coloured by ruleStyle, nulls where a value is missing", () => {
    const runs = {
      fa: { curves: { step: [0, 10, 20], nse: [1, Number.NaN, 0.25] } },
      bp: { curves: { step: [0, 10, 20], nse: [1, 0.5, 0.125] } },
      'fa-4layer': { curves: { step: [0, 10], other: [3, 4] } },
    };
    const lines = plotSeries(experiment, plot({}), runs);
    expect(lines).toEqual([
      { rule: 'bp', metric: 'nse', label: 'bp', colour: '#000000', x: [0, 10, 20], y: [1, 0.5, 0.125] },
      { rule: 'fa', metric: 'nse', label: 'fa', colour: '#D55E00', x: [0, 10, 20], y: [1, null, 0.25] },
    ]);
  });

  it('drops values a log axis cannot show and keeps only the rules the plot names', () => {
    const runs = {
      bp: { curves: { step: [0, 1], nse: [0, 0.5] } },
      fa: { curves: { step: [0, 1], nse: [-1, 2] } },
    };
    const lines = plotSeries(experiment, plot({ logY: true, rules: ['fa'] }), runs);
    expect(lines.map((l) => [l.rule, l.y])).toEqual([['fa', [null, 2]]]);
  });

  it("draws a recorded ±2 s.d. band as its line's edges: value ∓ 2 × spread", () => {
    const runs = { fa: { curves: { step: [0, 5], deltaAngle: [80, 40], deltaAngleSd10: [5, Number.NaN] } } };
    const [line] = plotSeries(
      experiment,
      plot({ metric: 'deltaAngle', band: { metric: 'deltaAngleSd10', times: 2 } }),
      runs,
    );
    expect(line.band).toEqual({ lower: [70, null], upper: [90, null] });
  });

  it('draws a band over seeds from curvesSd; a lower edge at or below 0 on a log axis becomes a tenth of the value', () => {
    const runs = { bp: { curves: { step: [1, 2], nse: [0.5, 0.2] }, curvesSd: { nse: [0.1, 0.3] } } };
    const [line] = plotSeries(experiment, plot({ logY: true, band: { seeds: true, times: 1 } }), runs);
    expect(line.band?.upper[0]).toBeCloseTo(0.6, 12);
    expect(line.band?.lower[0]).toBeCloseTo(0.4, 12);
    // 0.2 − 0.3 < 0 → 0.02
    expect(line.band?.lower[1]).toBeCloseTo(0.02, 12);
    expect(line.band?.upper[1]).toBeCloseTo(0.5, 12);
  });

  it("leaves the band out with one seed (no curvesSd) and dashes a plot's further metrics", () => {
    const runs = { 'fa-4layer': { curves: { step: [0], nse: [1], weightAngle: [60], weightAngle1: [70] } } };
    expect(plotSeries(experiment, plot({ band: { seeds: true, times: 1 } }), runs)[0].band).toBeUndefined();
    const lines = plotSeries(
      experiment,
      plot({
        metric: 'weightAngle',
        series: [
          { metric: 'weightAngle', label: 'top' },
          { metric: 'weightAngle1', label: 'below' },
        ],
      }),
      runs,
    );
    expect(lines.map((l) => [l.label, l.colour, l.dash])).toEqual([
      ['fa-4layer · top', '#D55E00', [6, 4]],
      ['fa-4layer · below', '#D55E00', [2, 3]],
    ]);
  });

  it("reads fig2's W–B plot: W vs Bᵀ and W vs B⁺ for FA only", () => {
    const weights = fig2.plots.find((p) => p.metric === 'weightAngle') as PlotSpec;
    const runs = {
      bp: { curves: { step: [0], weightAngle: [Number.NaN] } },
      fa: { curves: { step: [0], weightAngle: [88], pinvAngle: [89] } },
    };
    expect(plotSeries(fig2, weights, runs).map((l) => [l.label, l.y[0]])).toEqual([
      ['fa · W vs Bᵀ', 88],
      ['fa · W vs B⁺', 89],
    ]);
  });

  it("styles a sweep's rows by their rule's colour, one dash per grid cell", () => {
    const run = { curves: { step: [0], nse: [1] } };
    const lines = plotSeries(experiment, plot({}), {
      'fa learningRate=0.1': run,
      'fa learningRate=0.2': run,
      'bp learningRate=0.1': run,
    });
    expect(lines.map((l) => [l.label, l.colour, l.dash])).toEqual([
      ['fa learningRate=0.1', '#D55E00', undefined],
      ['fa learningRate=0.2', '#D55E00', [6, 4]],
      ['bp learningRate=0.1', '#000000', undefined],
    ]);
  });
});
