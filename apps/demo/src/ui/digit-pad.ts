import { ruleStyle } from '@rfa/experiments';
import type { RuleGuess } from '../worker/live-models.js';
import { el } from './dom.js';

const SIZE = 280;

/** Averages the 280×280 drawing into MNIST's 28×28 grid of values in [0, 1]. */
export function downsample(rgba: Uint8ClampedArray, size = SIZE): Float32Array {
  const cell = size / 28;
  const out = new Float32Array(784);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = Math.floor(y / cell) * 28 + Math.floor(x / cell);
      out[i] += rgba[(y * size + x) * 4 + 3] / 255 / (cell * cell);
    }
  return out;
}

/** A canvas to draw a digit on, and each network's guess with its output bars. */
export class DigitPad {
  readonly canvas: HTMLCanvasElement;
  private readonly result: HTMLElement;
  private drawing = false;

  constructor(
    root: HTMLElement,
    private readonly ask: (pixels: Float32Array) => Promise<RuleGuess[]>,
  ) {
    this.canvas = el('canvas', {
      width: SIZE,
      height: SIZE,
      class: 'pad',
      role: 'img',
      'aria-label': 'drawing area: draw a digit with the mouse, a pen or a finger',
    });
    this.result = el('div', { class: 'guesses', 'aria-live': 'polite' });
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.lineWidth = 22;
    ctx.lineCap = ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    const at = (e: PointerEvent) => {
      const r = this.canvas.getBoundingClientRect();
      return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height] as const;
    };
    this.canvas.addEventListener('pointerdown', (e) => {
      this.drawing = true;
      this.canvas.setPointerCapture(e.pointerId);
      ctx.beginPath();
      ctx.moveTo(...at(e));
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!this.drawing) return;
      ctx.lineTo(...at(e));
      ctx.stroke();
    });
    this.canvas.addEventListener('pointerup', () => {
      this.drawing = false;
      void this.guess();
    });
    root.append(
      this.canvas,
      el(
        'div',
        { class: 'buttons' },
        el('button', { type: 'button', onclick: () => void this.guess(), text: 'Guess' }),
        el('button', { type: 'button', onclick: () => this.clear(), text: 'Clear drawing' }),
      ),
      this.result,
    );
  }

  clear(): void {
    (this.canvas.getContext('2d') as CanvasRenderingContext2D).clearRect(0, 0, SIZE, SIZE);
    this.result.replaceChildren();
  }

  async guess(): Promise<void> {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    const guesses = await this.ask(downsample(ctx.getImageData(0, 0, SIZE, SIZE).data));
    if (guesses.length === 0) {
      this.result.replaceChildren(
        el('p', { text: 'No trained MNIST network yet: start a Fig. 3a run first.' }),
      );
      return;
    }
    this.result.replaceChildren(
      ...guesses.map((g) =>
        el(
          'div',
          { class: 'guess', 'data-rule': g.rule },
          el('strong', { text: `${g.rule}: ` }),
          el('span', { class: 'digit', text: String(g.guess) }),
          el(
            'div',
            {
              class: 'bars',
              role: 'img',
              'aria-label': `${g.rule} outputs ${g.outputs.map((v) => v.toFixed(2)).join(', ')}`,
            },
            ...g.outputs.map((v, d) =>
              el(
                'span',
                { class: 'bar', title: `${d}: ${v.toFixed(3)}` },
                el('span', {
                  style: `height:${Math.round(Math.max(0, Math.min(1, v)) * 100)}%;background:${ruleStyle(g.rule).colour}`,
                }),
                el('small', { text: String(d) }),
              ),
            ),
          ),
        ),
      ),
    );
  }
}
