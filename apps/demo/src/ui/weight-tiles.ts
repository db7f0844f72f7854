import { ruleStyle } from '@rfa/experiments';
import type { TileImage } from '../worker/tile-image.js';
import { el } from './dom.js';

/** On screen a tile is about 84 pixels wide: 3 per weight of a 28×28 tile, 17 of a 5×5 kernel. */
const TILE_PIXELS = 84;

/** What one tile is: a dense unit's input weights, or one kernel of a conv layer. */
export function tilesTitle(
  kind: 'dense' | 'conv',
  image: Pick<TileImage, 'tileWidth' | 'tileHeight'>,
): string {
  const { tileWidth: w, tileHeight: h } = image;
  return kind === 'conv'
    ? `First-layer kernels (each tile: one ${w}×${h} kernel of the conv layer)`
    : `First-layer weights (each tile: one hidden unit’s ${w * h} input weights, ${w}×${h})`;
}

/**
 * First-layer weights of each rule as tiles (28×28 per hidden unit shown, or a conv layer's
 * kernels), made in the worker (`tileImage`): the page puts one pixel per weight on a canvas
 * that CSS scales up.
 */
export class WeightTiles {
  private canvases = new Map<string, HTMLCanvasElement>();
  private updates = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly title: HTMLElement,
  ) {}

  reset(): void {
    this.canvases.clear();
    this.updates = 0;
    this.root.replaceChildren();
    this.title.textContent = 'First-layer weights';
  }

  draw(tiles: { rule: string; kind: 'dense' | 'conv'; units: number; image: TileImage }[]): void {
    const first = tiles[0];
    if (first) this.title.textContent = tilesTitle(first.kind, first.image);
    for (const t of tiles) {
      const { width, height, data, tileWidth } = t.image;
      const scale = Math.max(3, Math.round(TILE_PIXELS / tileWidth));
      const canvas = this.canvas(t.rule, t.units, width, height, scale, tileWidth);
      canvas
        .getContext('2d')
        ?.putImageData(new ImageData(data as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
    }
    this.updates++;
    this.root.dataset.updates = String(this.updates);
  }

  private canvas(
    rule: string,
    units: number,
    width: number,
    height: number,
    scale: number,
    tileWidth: number,
  ): HTMLCanvasElement {
    let c = this.canvases.get(rule);
    if (c) return c;
    c = el('canvas', {
      width,
      height,
      class: 'tiles',
      style: `width:${width * scale}px`,
      role: 'img',
      'aria-label': `first-layer weights of ${units} units under ${rule}`,
      'data-rule': rule,
      'data-tile-width': tileWidth,
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
