import type { RuleGuess } from '../worker/live-models.js';
import { alphaImage, centreDigit, type GreyImage } from './digit-preprocess.js';
import { el } from './dom.js';

const SIZE = 280;
const PREVIEW_SCALE = 3;

/** A rule's three likeliest digits, with its output for each, likeliest first. */
export function topThree(outputs: readonly number[]): { digit: number; value: number }[] {
  return outputs
    .map((value, digit) => ({ digit, value }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 3);
}

/** Paints a 28×28 grey image (ink 1 = white on black, as MNIST shows) on a canvas of its size. */
export function paintDigit(canvas: HTMLCanvasElement, img: GreyImage): void {
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  img.data.forEach((v, i) => {
    const g = Math.round(Math.max(0, Math.min(1, v)) * 255);
    rgba.set([g, g, g, 255], i * 4);
  });
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, img.width, img.height), 0, 0);
}

/**
 * A pad to draw a digit on, with a prompt until the first stroke. Strokes are smoothed
 * (quadratic curves through the midpoints of the pointer's samples). On each pen-up the
 * drawing is centred and scaled as MNIST's digits were (`centreDigit`), shown as the
 * networks see it, and each network's three likeliest digits come back with bars.
 * Touch drawing does not scroll the page (`touch-action: none` on the pad).
 */
export class DigitPad {
  readonly canvas: HTMLCanvasElement;
  private readonly preview: HTMLCanvasElement;
  private readonly prompt: HTMLElement;
  private readonly result: HTMLElement;
  private points: [number, number][] = [];

  constructor(
    root: HTMLElement,
    private readonly ask: (pixels: Float32Array) => Promise<RuleGuess[]>,
    private readonly colour: (rule: string) => string,
  ) {
    this.canvas = el('canvas', {
      width: SIZE,
      height: SIZE,
      class: 'pad',
      role: 'img',
      'aria-label': 'drawing area: draw a digit from 0 to 9 with the mouse, a pen or a finger',
    });
    this.preview = el('canvas', {
      width: 28,
      height: 28,
      class: 'preview',
      style: `width:${28 * PREVIEW_SCALE}px;height:${28 * PREVIEW_SCALE}px`,
      role: 'img',
      'aria-label': 'your digit as the networks see it: centred and scaled to 28×28',
    });
    this.prompt = el('p', { class: 'pad-prompt', 'aria-hidden': 'true', text: 'Draw a digit 0–9 here' });
    this.result = el('div', { class: 'guesses', 'aria-live': 'polite' });
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
    ctx.lineWidth = 20;
    ctx.lineCap = ctx.lineJoin = 'round';
    ctx.strokeStyle = '#000';
    const at = (e: PointerEvent): [number, number] => {
      const r = this.canvas.getBoundingClientRect();
      return [((e.clientX - r.left) * SIZE) / r.width, ((e.clientY - r.top) * SIZE) / r.height];
    };
    this.canvas.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      this.canvas.setPointerCapture(e.pointerId);
      this.points = [at(e)];
      this.prompt.hidden = true;
      // a dot for a tap
      const [x, y] = this.points[0];
      ctx.beginPath();
      ctx.arc(x, y, ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fillStyle = '#000';
      ctx.fill();
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (this.points.length === 0) return;
      this.points.push(at(e));
      const n = this.points.length;
      if (n < 3) return;
      // from the midpoint of the last two segments' first, curving through the sample
      const [a, b, c] = this.points.slice(n - 3);
      ctx.beginPath();
      ctx.moveTo((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
      ctx.quadraticCurveTo(b[0], b[1], (b[0] + c[0]) / 2, (b[1] + c[1]) / 2);
      ctx.stroke();
    });
    const up = () => {
      if (this.points.length === 0) return;
      const last = this.points.slice(-2);
      if (last.length === 2) {
        ctx.beginPath();
        ctx.moveTo((last[0][0] + last[1][0]) / 2, (last[0][1] + last[1][1]) / 2);
        ctx.lineTo(last[1][0], last[1][1]);
        ctx.stroke();
      }
      this.points = [];
      void this.guess();
    };
    this.canvas.addEventListener('pointerup', up);
    this.canvas.addEventListener('pointercancel', up);
    root.append(
      el('div', { class: 'pad-box' }, this.canvas, this.prompt),
      el(
        'div',
        { class: 'pad-side' },
        el('figure', { class: 'seen' }, this.preview, el('figcaption', { text: 'what the networks see' })),
        el('button', { type: 'button', onclick: () => this.clear(), text: 'Clear drawing' }),
      ),
      this.result,
    );
  }

  clear(): void {
    (this.canvas.getContext('2d') as CanvasRenderingContext2D).clearRect(0, 0, SIZE, SIZE);
    this.preview.getContext('2d')?.clearRect(0, 0, 28, 28);
    this.result.replaceChildren();
    this.prompt.hidden = false;
  }

  async guess(): Promise<void> {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    const seen = centreDigit(alphaImage(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE));
    paintDigit(this.preview, seen);
    const guesses = await this.ask(seen.data);
    if (guesses.length === 0) {
      this.result.replaceChildren(el('p', { text: 'No trained MNIST network yet: press Start first.' }));
      return;
    }
    this.result.replaceChildren(
      ...guesses.map((g) => {
        const top = topThree(g.outputs);
        const total = g.outputs.reduce((s, v) => s + Math.max(0, v), 0) || 1;
        return el(
          'div',
          { class: 'guess', 'data-rule': g.rule },
          el('span', { class: 'guess-rule', text: g.rule }),
          el('span', { class: 'digit', text: String(g.guess) }),
          el(
            'ol',
            { class: 'top3', 'aria-label': `${g.rule}: likeliest digits` },
            ...top.map((t) =>
              el(
                'li',
                { 'data-digit': t.digit },
                el('span', { class: 'top3-digit', text: String(t.digit) }),
                el(
                  'span',
                  { class: 'top3-bar' },
                  el('span', {
                    style: `width:${Math.round((Math.max(0, t.value) / total) * 100)}%;background:${this.colour(g.rule)}`,
                  }),
                ),
                el('span', {
                  class: 'top3-value',
                  text: `${Math.round((Math.max(0, t.value) / total) * 100)}%`,
                }),
              ),
            ),
          ),
        );
      }),
    );
  }
}
