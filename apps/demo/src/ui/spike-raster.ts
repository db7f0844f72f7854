import uPlot from 'uplot';
import type { SpikeFrame } from '../worker/spike-recorder.js';
import { el } from './dom.js';

const WINDOW = 300;
const ROW = 3;

/**
 * Fig. 4's raster, live: sampled hidden units above, output units below in class bands,
 * one column per simulation step of the first image slot; and one hidden unit's forward
 * potential with its feedback signal.
 */
export class SpikeRaster {
  private readonly canvas: HTMLCanvasElement;
  private readonly traceBox: HTMLElement;
  private trace: uPlot | null = null;
  private frames: SpikeFrame[] = [];
  private step = 0;
  private spikes = 0;
  private shape = { hiddenUnits: 0, outputUnits: 0, classes: 10 };

  constructor(private readonly root: HTMLElement) {
    this.canvas = el('canvas', {
      width: WINDOW * 2,
      height: 100,
      class: 'raster',
      role: 'img',
      'aria-label': 'spike raster: sampled hidden units (top) and output units by class (bottom) over time',
    });
    this.traceBox = el(
      'figure',
      { class: 'chart' },
      el('figcaption', { text: 'Hidden unit 0: potential V and feedback φ(U)' }),
    );
    root.append(
      el('figure', {}, el('figcaption', { text: 'Spike raster (Fig. 4)' }), this.canvas),
      this.traceBox,
    );
  }

  reset(): void {
    this.frames = [];
    this.step = 0;
    this.spikes = 0;
    this.root.dataset.spikes = '0';
    this.trace?.destroy();
    this.trace = null;
    this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  add(shape: { hiddenUnits: number; outputUnits: number; classes: number }, frames: SpikeFrame[]): void {
    this.shape = shape;
    this.frames = this.frames.concat(frames).slice(-WINDOW);
    this.step += frames.length;
    for (const f of frames) this.spikes += f.hidden.length + f.output.length;
    this.root.dataset.spikes = String(this.spikes);
    this.draw();
  }

  private draw(): void {
    const { hiddenUnits, outputUnits, classes } = this.shape;
    const gap = 6;
    const height = (hiddenUnits + outputUnits) * ROW + gap;
    if (this.canvas.height !== height) this.canvas.height = height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, this.canvas.width, height);
    const perClass = outputUnits / classes;
    const top = hiddenUnits * ROW + gap;
    for (let c = 0; c < classes; c += 2) {
      ctx.fillStyle = '#eef3f8';
      ctx.fillRect(0, top + c * perClass * ROW, this.canvas.width, perClass * ROW);
    }
    ctx.fillStyle = '#000';
    this.frames.forEach((f, t) => {
      const x = t * 2;
      for (const u of f.hidden) ctx.fillRect(x, u * ROW, 2, ROW - 1);
      for (const u of f.output) ctx.fillRect(x, top + u * ROW, 2, ROW - 1);
    });
    const xs = this.frames.map((_, i) => this.step - this.frames.length + i);
    const data = [
      xs,
      this.frames.map((f) => f.potential),
      this.frames.map((f) => f.feedback),
    ] as uPlot.AlignedData;
    if (!this.trace)
      this.trace = new uPlot(
        {
          width: WINDOW * 2,
          height: 180,
          scales: { x: { time: false } },
          axes: [{ label: 'step' }, {}],
          series: [
            { label: 'step' },
            { label: 'V (potential)', stroke: '#0072B2', width: 1.5 },
            { label: 'φ(U) (feedback)', stroke: '#D55E00', width: 1.5, dash: [5, 3] },
          ],
        },
        data,
        this.traceBox,
      );
    else this.trace.setData(data);
  }
}
