import type { RuleGuess } from '../worker/live-models.js';
import { className, type ImageClasses, padPrompt } from './class-labels.js';
import { alphaImage, centreDigit, type GreyImage } from './digit-preprocess.js';
import { el } from './dom.js';
import { type PadAction, PadKeys } from './pad-keys.js';

const SIZE = 280;
/** Keyboard cursor steps across the pad: 20 px, two MNIST pixels once scaled (the pen's width). */
const KEY_CELLS = 14;
const PREVIEW_SCALE = 3;

/** A rule's three likeliest digits, with its output for each, likeliest first. */
export function topThree(outputs: readonly number[]): { digit: number; value: number }[] {
  return outputs
    .map((value, digit) => ({ digit, value }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 3);
}

/** The pad's accessible name: what to draw and how. */
const padLabel = (c: ImageClasses) =>
  `drawing pad: ${padPrompt(c).replace(/^Draw/, 'draw').replace(' here', '')}, with the mouse, a pen, a finger or the keyboard`;

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
 * Touch drawing does not scroll the page (`touch-action: none` on the pad). By keyboard
 * (`PadKeys`): Tab to the pad, the arrows move a visible cursor, Space puts the pen down or
 * lifts it (a lift asks the networks, as a pen-up does), Enter asks, Delete clears; the
 * instructions are beside the pad and are its accessible description.
 */
export class DigitPad {
  readonly canvas: HTMLCanvasElement;
  private readonly preview: HTMLCanvasElement;
  private readonly prompt: HTMLElement;
  private readonly result: HTMLElement;
  private readonly cursor: HTMLElement;
  private readonly keys = new PadKeys(SIZE, KEY_CELLS);
  private points: [number, number][] = [];
  /** Whether anything is drawn (a guess of an empty pad is not asked for). */
  private inked = false;

  constructor(
    root: HTMLElement,
    private readonly ask: (pixels: Float32Array) => Promise<RuleGuess[]>,
    private readonly colour: (rule: string) => string,
    private classes: ImageClasses,
  ) {
    this.canvas = el('canvas', {
      width: SIZE,
      height: SIZE,
      class: 'pad',
      role: 'application',
      tabindex: 0,
      'aria-label': padLabel(classes),
      'aria-describedby': 'pad-keys',
    });
    this.cursor = el('span', { class: 'pad-cursor', 'aria-hidden': 'true' });
    this.preview = el('canvas', {
      width: 28,
      height: 28,
      class: 'preview',
      style: `width:${28 * PREVIEW_SCALE}px;height:${28 * PREVIEW_SCALE}px`,
      role: 'img',
      'aria-label': 'your drawing as the networks see it: centred and scaled to 28×28',
    });
    this.prompt = el('p', { class: 'pad-prompt', 'aria-hidden': 'true', text: padPrompt(classes) });
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
      // a dot for a tap
      this.dot(this.points[0]);
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
    this.canvas.addEventListener('keydown', (e) => {
      const actions = this.keys.key(e.key, e.shiftKey);
      if (!actions) return;
      e.preventDefault();
      for (const a of actions) this.apply(a);
    });
    this.placeCursor();
    root.append(
      el('div', { class: 'pad-box' }, this.canvas, this.prompt, this.cursor),
      el(
        'div',
        { class: 'pad-side' },
        el('figure', { class: 'seen' }, this.preview, el('figcaption', { text: 'what the networks see' })),
        el('button', { type: 'button', onclick: () => this.clear(), text: 'Clear drawing' }),
      ),
      el('p', {
        id: 'pad-keys',
        class: 'pad-keys',
        text: 'Keyboard: Tab to the pad, then the arrow keys move the cursor (with Shift, faster), Space puts the pen down or lifts it, Enter asks the networks, Delete clears.',
      }),
      this.result,
    );
  }

  private get ctx(): CanvasRenderingContext2D {
    return this.canvas.getContext('2d') as CanvasRenderingContext2D;
  }

  /** A round dot of the pen's width (a tap, or the keyboard's pen put down). */
  private dot([x, y]: [number, number]): void {
    const ctx = this.ctx;
    this.prompt.hidden = true;
    this.inked = true;
    ctx.beginPath();
    ctx.arc(x, y, ctx.lineWidth / 2, 0, 2 * Math.PI);
    ctx.fillStyle = '#000';
    ctx.fill();
  }

  /** The keyboard cursor where `PadKeys` has it, filled while the pen is down. */
  private placeCursor(): void {
    const [x, y] = this.keys.position;
    this.cursor.style.left = `${(x / SIZE) * 100}%`;
    this.cursor.style.top = `${(y / SIZE) * 100}%`;
    this.cursor.classList.toggle('down', this.keys.penDown);
  }

  private apply(a: PadAction): void {
    if (a.type === 'dot') this.dot(a.at);
    else if (a.type === 'line') {
      const ctx = this.ctx;
      ctx.beginPath();
      ctx.moveTo(...a.from);
      ctx.lineTo(...a.to);
      ctx.stroke();
    } else if (a.type === 'guess') {
      if (this.inked) void this.guess();
    } else if (a.type === 'clear') this.clear();
    this.placeCursor();
  }

  /** The chosen experiment's data set: the prompt and the guesses' labels follow it. */
  setClasses(classes: ImageClasses): void {
    if (classes === this.classes) return;
    this.classes = classes;
    this.prompt.textContent = padPrompt(classes);
    this.canvas.setAttribute('aria-label', padLabel(classes));
    this.clear();
  }

  clear(): void {
    (this.canvas.getContext('2d') as CanvasRenderingContext2D).clearRect(0, 0, SIZE, SIZE);
    this.preview.getContext('2d')?.clearRect(0, 0, 28, 28);
    this.result.replaceChildren();
    this.prompt.hidden = false;
    this.inked = false;
  }

  async guess(): Promise<void> {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    const seen = centreDigit(alphaImage(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE));
    paintDigit(this.preview, seen);
    const guesses = await this.ask(seen.data);
    if (guesses.length === 0) {
      this.result.replaceChildren(
        el('p', { text: `No trained ${this.classes.name} network yet: press Start first.` }),
      );
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
          el('span', { class: 'digit', 'data-label': g.guess, text: className(this.classes, g.guess) }),
          el(
            'ol',
            { class: 'top3', 'aria-label': `${g.rule}: likeliest classes` },
            ...top.map((t) =>
              el(
                'li',
                { 'data-digit': t.digit },
                el('span', { class: 'top3-digit', text: className(this.classes, t.digit) }),
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
