// Bundled into a blank page by chart-ranges.e2e.test.ts: one uPlot chart with the live charts'
// range functions, for given data.
import uPlot from 'uplot';
import { linearRange, logRange } from '../../src/ui/chart-ranges.js';

async function drawChart(log: boolean, ys: number[]): Promise<number> {
  const box = document.getElementById('c') as HTMLElement;
  const u = new uPlot(
    {
      width: 600,
      height: 180,
      scales: {
        x: { time: false },
        y: {
          ...(log ? { distr: 3 } : {}),
          range: (_u, min, max) => (log ? logRange(min, max) : linearRange(min, max)),
        },
      },
      axes: [{}, { size: 64 }],
      series: [{}, { stroke: 'red' }],
    },
    [ys.map((_, i) => i), ys],
    box,
  );
  await new Promise((r) => setTimeout(r, 50)); // uPlot draws in a microtask
  const axes = box.querySelectorAll('.u-axis').length;
  u.destroy();
  return axes;
}

(globalThis as unknown as { drawChart: typeof drawChart }).drawChart = drawChart;
