import { ruleColour } from '../app/palette.js';
import { el } from './dom.js';

const SCALE = 3;
const PER_ROW = 4;

/**
 * First-layer weights of each rule as 28×28 tiles (one per hidden unit shown), each tile
 * scaled to its own largest |w|: white positive, black negative, grey zero.
 */
export class WeightTiles {
  private canvases = new Map<string, HTMLCanvasElement>();
  private updates = 0;

  constructor(private readonly root: HTMLElement) {}

  reset(): void {
    this.canvases.clear();
    this.updates = 0;
    this.root.replaceChildren();
  }

  draw(tiles: { rule: string; units: number; pixels: Float32Array }[]): void {
    for (const t of tiles) {
      const canvas = this.canvas(t.rule, t.units);
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      const img = ctx.createImageData(canvas.width, canvas.height);
      for (let u = 0; u < t.units; u++) {
        const w = t.pixels.subarray(u * 784, (u + 1) * 784);
        let max = 1e-12;
        for (const v of w) max = Math.max(max, Math.abs(v));
        const ox = (u % PER_ROW) * (28 * SCALE + SCALE);
        const oy = Math.floor(u / PER_ROW) * (28 * SCALE + SCALE);
        for (let p = 0; p < 784; p++) {
          const g = Math.round(128 + 127 * (w[p] / max));
          const px = ox + (p % 28) * SCALE;
          const py = oy + Math.floor(p / 28) * SCALE;
          for (let dy = 0; dy < SCALE; dy++)
            for (let dx = 0; dx < SCALE; dx++) {
              const i = ((py + dy) * canvas.width + px + dx) * 4;
              img.data[i] = img.data[i + 1] = img.data[i + 2] = g;
              img.data[i + 3] = 255;
            }
        }
      }
      ctx.putImageData(img, 0, 0);
    }
    this.updates++;
    this.root.dataset.updates = String(this.updates);
  }

  private canvas(rule: string, units: number): HTMLCanvasElement {
    let c = this.canvases.get(rule);
    if (c) return c;
    const rows = Math.ceil(units / PER_ROW);
    c = el('canvas', {
      width: PER_ROW * (28 * SCALE + SCALE),
      height: rows * (28 * SCALE + SCALE),
      role: 'img',
      'aria-label': `first-layer weights of ${units} hidden units under ${rule}`,
      'data-rule': rule,
    });
    this.root.append(
      el(
        'figure',
        { class: 'tiles', style: `border-color:${ruleColour(rule)}` },
        el('figcaption', { text: rule }),
        c,
      ),
    );
    this.canvases.set(rule, c);
    return c;
  }
}
