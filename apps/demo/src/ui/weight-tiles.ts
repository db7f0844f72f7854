import { ruleStyle } from '@rfa/experiments';
import type { TileImage } from '../worker/tile-image.js';
import { el } from './dom.js';

const SCALE = 3;

/**
 * First-layer weights of each rule as 28×28 tiles (one per hidden unit shown), made in the
 * worker (`tileImage`): the page puts one pixel per weight on a canvas that CSS scales up.
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

  draw(tiles: { rule: string; units: number; image: TileImage }[]): void {
    for (const t of tiles) {
      const { width, height, data } = t.image;
      const canvas = this.canvas(t.rule, t.units, width, height);
      canvas
        .getContext('2d')
        ?.putImageData(new ImageData(data as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
    }
    this.updates++;
    this.root.dataset.updates = String(this.updates);
  }

  private canvas(rule: string, units: number, width: number, height: number): HTMLCanvasElement {
    let c = this.canvases.get(rule);
    if (c) return c;
    c = el('canvas', {
      width,
      height,
      class: 'tiles',
      style: `width:${width * SCALE}px;height:${height * SCALE}px`,
      role: 'img',
      'aria-label': `first-layer weights of ${units} hidden units under ${rule}`,
      'data-rule': rule,
    });
    this.root.append(
      el(
        'figure',
        { class: 'tiles', style: `border-color:${ruleStyle(rule).colour}` },
        el('figcaption', { text: rule }),
        c,
      ),
    );
    this.canvases.set(rule, c);
    return c;
  }
}
