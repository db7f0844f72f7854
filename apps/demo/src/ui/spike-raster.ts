import type { SpikeTrace } from '@rfa/spiking';
import uPlot from 'uplot';
import { appendTrace, traceSteps, RASTER_WINDOW as WINDOW } from '../worker/trace-window.js';
import { el } from './dom.js';

const ROW = 2;
const GAP = 6;

/**
 * Fig. 4's raster, live, from `@rfa/spiking`'s `TraceRecorder`: the sampled units of each
 * hidden layer, then the output units in class bands, one column per simulation step of
 * the first image slot; and one hidden neuron's forward potential with its modulator.
 * Drawn at most once per animation frame, however many messages arrive.
 */
export class SpikeRaster {
  private readonly canvas: HTMLCanvasElement;
  private readonly traceBox: HTMLElement;
  private readonly caption: HTMLElement;
  private plot: uPlot | null = null;
  private trace: SpikeTrace | null = null;
  private classes = 10;
  private step = 0;
  private spikes = 0;
  private frame = 0;

  constructor(private readonly root: HTMLElement) {
    this.canvas = el('canvas', {
      width: WINDOW * 2,
      height: 100,
      class: 'raster',
      role: 'img',
      'aria-label':
        'spike raster: sampled units of each hidden layer (top) and output units by class (bottom) over time',
    });
    this.caption = el('figcaption', { text: 'A hidden neuron: potential V and modulator φ(U)' });
    this.traceBox = el('figure', { class: 'chart' }, this.caption);
    root.append(
      el('figure', {}, el('figcaption', { text: 'Spike raster (Fig. 4)' }), this.canvas),
      this.traceBox,
    );
  }

  reset(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.trace = null;
    this.step = 0;
    this.spikes = 0;
    this.root.dataset.spikes = '0';
    this.plot?.destroy();
    this.plot = null;
    this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** Adds the steps recorded since the last call. */
  add(more: SpikeTrace, classes: number): void {
    this.classes = classes;
    this.trace = appendTrace(this.trace, more, WINDOW);
    this.step += traceSteps(more);
    for (const l of more.layers) for (const s of l.spikes) this.spikes += s.length;
    this.root.dataset.spikes = String(this.spikes);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const t = this.trace;
    const ctx = this.canvas.getContext('2d');
    if (!t || !ctx) return;
    const rows = t.layers.reduce((n, l) => n + l.units.length, 0);
    const height = rows * ROW + GAP * (t.layers.length - 1);
    if (this.canvas.height !== height) this.canvas.height = height;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, this.canvas.width, height);
    let top = 0;
    t.layers.forEach((l, i) => {
      if (i === t.layers.length - 1) {
        const perClass = l.units.length / this.classes;
        ctx.fillStyle = '#eef3f8';
        for (let c = 0; c < this.classes; c += 2)
          ctx.fillRect(0, top + c * perClass * ROW, this.canvas.width, perClass * ROW);
      }
      ctx.fillStyle = '#000';
      l.spikes.forEach((fired, s) => {
        for (const u of fired) ctx.fillRect(s * 2, top + u * ROW, 2, ROW);
      });
      top += l.units.length * ROW + GAP;
    });
    const steps = traceSteps(t);
    const xs = Array.from({ length: steps }, (_, i) => this.step - steps + i);
    const data = [xs, t.potential, t.modulator] as uPlot.AlignedData;
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    this.caption.textContent = `Hidden layer ${t.neuron.layer + 1}, unit ${t.neuron.unit}: potential V and modulator φ(U)`;
    this.plot = new uPlot(
      {
        width: WINDOW * 2,
        height: 180,
        scales: { x: { time: false } },
        axes: [{ label: 'simulation step' }, {}],
        series: [
          { label: 'step' },
          { label: 'V (potential)', stroke: '#0072B2', width: 1.5 },
          { label: 'φ(U) (modulator)', stroke: '#D55E00', width: 1.5, dash: [5, 3] },
        ],
        // names only: no '--' values beside them
        legend: { live: false },
      },
      data,
      this.traceBox,
    );
  }
}
