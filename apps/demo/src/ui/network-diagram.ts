import { formatInUnit } from '@rfa/experiments';
import { type Connection, type LayerColumn, networkLayout, textWidth } from './network-layout.js';
import { ruleSwatch, type StyledRule } from './rule-swatch.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 520;
const DOT_GAP = 14;
/** Baselines of the two rows of layer labels. */
const LABEL_ROWS = [22, 46];
/** The space between two rules' angle lines. */
const ROW_GAP = 24;
/** A rule's swatch and the gap after it; a dashed swatch (a variant's) is a 20 px line. */
const SWATCH = 15;
const DASHED_SWATCH = 25;
/** The longest angle the lines show ('0.012°'), in characters. */
const ANGLE_CHARS = 6;

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

/**
 * The chosen experiment's network as the paper's Fig. 1 draws it: layers as columns of
 * units, the forward weights W as arrows up (left to right, above), the feedback weights
 * B as dashed arrows down (right to left, below), and beside each B every rule's live
 * angle between W and Bᵀ, which falls as the network aligns. While a run trains, both
 * pathways flow (not with reduced motion).
 */
export class NetworkDiagram {
  private readonly box: SVGSVGElement;
  private readonly key: HTMLParagraphElement;
  private labels = new Map<string, SVGTextElement>();
  /** The middle line of the units; below the one or two rows of layer labels. */
  private mid = 124;
  /** Whether the angle lines show the value only, the rules named in the key below. */
  private compact = false;

  constructor(private readonly root: HTMLElement) {
    this.box = svg('svg', {
      viewBox: `0 0 ${WIDTH} 240`,
      class: 'network',
      role: 'img',
      'aria-labelledby': 'network-title network-desc',
    });
    this.key = document.createElement('p');
    this.key.className = 'diagram-key';
    root.append(this.box, this.key);
  }

  /**
   * Draws a network of these layer widths (input first), each column labelled by `labels`
   * (from the experiment's `layerLabels`), for these rules; null: no diagram.
   */
  show(widths: number[] | null, labels: string[] | null, rules: StyledRule[]): void {
    this.labels.clear();
    this.box.replaceChildren();
    this.key.replaceChildren();
    this.key.hidden = true;
    this.root.dataset.layers = widths ? widths.join('-') : '';
    if (!widths || !labels) return;
    const { columns, connections, step } = networkLayout(widths, labels, WIDTH);
    const rows = columns.some((c) => c.labelRow === 1) ? 2 : 1;
    this.mid = 124 + 30 * (rows - 1);
    // a rule's angle line: its name and the angle where the gap between columns holds both
    const longest = Math.max(0, ...rules.map((r) => r.rule.length));
    const feedbackLabel = textWidth('B₁: ∠ W vs Bᵀ'.length);
    this.compact =
      Math.max(
        (rules.some((r) => r.dash) ? DASHED_SWATCH : SWATCH) + textWidth(longest + 1 + ANGLE_CHARS),
        feedbackLabel,
      ) >
      step - 8;
    const height = this.mid + 116 + rules.length * ROW_GAP;
    this.box.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    this.root.dataset.compact = String(this.compact);
    const desc = svg(
      'desc',
      { id: 'network-desc' },
      `a ${widths.join('-')} network: forward weights carry activity up, feedback weights carry the error down`,
    );
    this.box.append(desc, arrowHead('fwd', '#333'), arrowHead('back', '#a33a00'));
    for (const c of connections) this.connection(c, columns, rules);
    for (const col of columns) this.column(col);
    if (this.compact && rules.length > 0 && connections.some((c) => c.angleMetric)) this.showKey(rules);
  }

  /** Writes a rule's latest angles (from a recorded point) beside the feedback matrices. */
  update(rule: string, point: Record<string, number>): void {
    for (const [key, label] of this.labels) {
      const [r, metric] = key.split('\u0000');
      if (r !== rule || !Number.isFinite(point[metric])) continue;
      const angle = formatInUnit(point[metric], 'degrees', 2);
      const text = this.compact ? angle : `${rule} ${angle}`;
      if (label.textContent !== text) label.textContent = text;
      const title = label.parentElement?.querySelector('title');
      if (title) title.textContent = `${rule}: angle between W and Bᵀ ${angle}`;
    }
  }

  /** Under a crowded diagram: which colour is which rule, and what the numbers are. */
  private showKey(rules: StyledRule[]): void {
    this.key.hidden = false;
    this.key.append('Under each B: the angle between W and Bᵀ for ');
    rules.forEach((r, i) => {
      const swatch = ruleSwatch(r.rule, r);
      const name = document.createElement('span');
      name.className = 'key-rule';
      name.append(swatch, r.rule);
      this.key.append(name, i < rules.length - 1 ? ', ' : '.');
    });
  }

  private column(col: LayerColumn): void {
    const top = this.mid - ((col.dots - 1) * DOT_GAP) / 2;
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
      svg(
        'text',
        { x: col.x, y: LABEL_ROWS[col.labelRow], 'text-anchor': 'middle', class: 'layer-label' },
        col.label,
      ),
    );
    this.box.append(g);
  }

  private connection(c: Connection, columns: LayerColumn[], rules: StyledRule[]): void {
    const MID = this.mid;
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
        this.compact ? c.feedback : `${c.feedback}: ∠ W vs Bᵀ`,
      ),
    );
    // each rule's line, centred under its B: a swatch, then (name and) angle
    const chars = this.compact ? ANGLE_CHARS : Math.max(...rules.map((r) => r.rule.length)) + 1 + ANGLE_CHARS;
    const swatch = rules.some((r) => r.dash) ? DASHED_SWATCH : SWATCH;
    const left = mid - (swatch + textWidth(chars) * 0.8) / 2;
    rules.forEach((r, i) => {
      const y = MID + 112 + i * ROW_GAP;
      const line = svg('g', { class: 'angle-line' });
      line.append(
        svg('title', {}, `${r.rule}: angle between W and Bᵀ –`),
        r.dash
          ? svg('line', {
              x1: left,
              x2: left + 20,
              y1: y - 5,
              y2: y - 5,
              stroke: r.colour,
              'stroke-width': 4,
              'stroke-dasharray': r.dash.join(' '),
            })
          : svg('rect', { x: left, y: y - 10, width: 10, height: 10, rx: 2, fill: r.colour }),
      );
      const label = svg(
        'text',
        { x: left + swatch, y, class: 'angle', 'data-rule': r.rule, 'data-metric': c.angleMetric as string },
        this.compact ? '–' : `${r.rule} –`,
      );
      line.append(label);
      this.labels.set(`${r.rule}\u0000${c.angleMetric}`, label);
      this.box.append(line);
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
