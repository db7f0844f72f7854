import { formatInUnit } from '@rfa/experiments';
import { type Connection, type LayerColumn, networkLayout } from './network-layout.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 520;
const MID = 118;
const DOT_GAP = 14;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A rule as the diagram labels it. */
export interface DiagramRule {
  rule: string;
  colour: string;
}

/**
 * The chosen experiment's network as the paper's Fig. 1 draws it: layers as columns of
 * units, the forward weights W as arrows up (left to right, above), the feedback weights
 * B as dashed arrows down (right to left, below), and beside each B every rule's live
 * angle between W and Bᵀ, which falls as the network aligns. While a run trains, both
 * pathways flow (not with reduced motion).
 */
export class NetworkDiagram {
  private readonly box: SVGSVGElement;
  private labels = new Map<string, SVGTextElement>();

  constructor(private readonly root: HTMLElement) {
    this.box = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${MID * 2}`,
      class: 'network',
      role: 'img',
      'aria-labelledby': 'network-title network-desc',
    });
    root.append(this.box);
  }

  /** Draws a network of these layer widths (input first) for these rules; null: no diagram. */
  show(widths: number[] | null, rules: DiagramRule[]): void {
    this.labels.clear();
    this.box.replaceChildren();
    this.root.dataset.layers = widths ? widths.join('-') : '';
    if (!widths) return;
    const { columns, connections } = networkLayout(widths, WIDTH);
    const height = MID + 112 + rules.length * 21;
    this.box.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    const desc = svg(
      'desc',
      { id: 'network-desc' },
      `a ${widths.join('-')} network: forward weights carry activity up, feedback weights carry the error down`,
    );
    this.box.append(desc, arrowHead('fwd', '#333'), arrowHead('back', '#a33a00'));
    for (const c of connections) this.connection(c, columns, rules);
    for (const col of columns) this.column(col);
  }

  /** Writes a rule's latest angles (from a recorded point) beside the feedback matrices. */
  update(rule: string, point: Record<string, number>): void {
    for (const [key, label] of this.labels) {
      const [r, metric] = key.split('\u0000');
      if (r !== rule || !Number.isFinite(point[metric])) continue;
      const text = `${rule} ${formatInUnit(point[metric], 'degrees', 2)}`;
      if (label.textContent !== text) label.textContent = text;
    }
  }

  private column(col: LayerColumn): void {
    const top = MID - ((col.dots - 1) * DOT_GAP) / 2;
    const g = svg('g', { class: 'layer' });
    g.append(
      svg('rect', {
        x: col.x - 14,
        y: top - 12,
        width: 28,
        height: (col.dots - 1) * DOT_GAP + 24,
        rx: 14,
        class: 'layer-box',
      }),
    );
    for (let i = 0; i < col.dots; i++)
      g.append(svg('circle', { cx: col.x, cy: top + i * DOT_GAP, r: 5, class: 'unit' }));
    g.append(
      svg('text', { x: col.x, y: top - 20, 'text-anchor': 'middle', class: 'layer-label' }, col.label),
    );
    this.box.append(g);
  }

  private connection(c: Connection, columns: LayerColumn[], rules: DiagramRule[]): void {
    const a = columns[c.from].x + 20;
    const b = columns[c.to].x - 20;
    const mid = (a + b) / 2;
    this.box.append(
      svg('path', {
        d: `M${a},${MID - 40} Q${mid},${MID - 90} ${b},${MID - 40}`,
        class: 'forward',
        'marker-end': 'url(#fwd)',
      }),
      svg('text', { x: mid, y: MID - 72, 'text-anchor': 'middle', class: 'matrix' }, c.forward),
    );
    if (!c.feedback || !c.angleMetric) return;
    this.box.append(
      svg('path', {
        d: `M${b},${MID + 40} Q${mid},${MID + 90} ${a},${MID + 40}`,
        class: 'feedback',
        'marker-end': 'url(#back)',
      }),
      svg(
        'text',
        { x: mid, y: MID + 84, 'text-anchor': 'middle', class: 'matrix feedback-label' },
        `${c.feedback}: ∠ W vs Bᵀ`,
      ),
    );
    rules.forEach((r, i) => {
      const y = MID + 108 + i * 21;
      this.box.append(svg('rect', { x: mid - 52, y: y - 11, width: 12, height: 12, rx: 2, fill: r.colour }));
      const label = svg(
        'text',
        { x: mid - 34, y, class: 'angle', 'data-rule': r.rule, 'data-metric': c.angleMetric as string },
        `${r.rule} –`,
      );
      this.labels.set(`${r.rule}\u0000${c.angleMetric}`, label);
      this.box.append(label);
    });
  }
}

function arrowHead(id: string, colour: string): SVGDefsElement {
  const defs = svg('defs', {});
  const marker = svg('marker', {
    id,
    viewBox: '0 0 10 10',
    refX: 8,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
  defs.append(marker);
  return defs;
}
