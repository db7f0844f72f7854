/** What the page's layout check found: overlapping pairs and elements past the viewport's sides. */
export interface LayoutProblems {
  checked: number;
  overlaps: string[];
  cutOff: string[];
  scrollWidth: number;
  innerWidth: number;
}

/** The blocks that must not overlap: controls, charts, pictures and text blocks. */
export const LAYOUT_SELECTOR = [
  'button',
  'input',
  'select',
  'label',
  'summary',
  'h1',
  'h2',
  'h3',
  'p',
  'legend',
  'figure.chart',
  'svg.network',
  '.headline-card',
  'canvas.pad',
  'figure.seen',
  '.guess',
  'ol.strip > li',
  'figure.tiles',
  'table',
].join(', ');

/**
 * Runs in the page (`page.evaluate(findLayoutProblems, LAYOUT_SELECTOR)`): every visible
 * element the selector matches, pairwise, by bounding box; two overlap when they share more
 * than 1 px in both directions and neither contains the other. An element is cut off when
 * it reaches past the viewport's left or right edge, unless it sits in a box that scrolls
 * sideways on purpose (a wide table). Self-contained: it is serialised into the page.
 */
export function findLayoutProblems(selector: string): LayoutProblems {
  const name = (e: Element) => {
    const id = e.id ? `#${e.id}` : '';
    const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
    const text = (e.textContent ?? '').trim().slice(0, 24);
    return `${e.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
  };
  const scrolls = (e: Element) => {
    for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll') && p !== document.documentElement && p !== document.body)
        return true;
    }
    return false;
  };
  const visible = [...document.querySelectorAll(selector)].filter((e) => {
    if (!e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    if (e.closest('.pad-prompt, .visually-hidden')) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
  const boxes = visible.map((e) => ({ e, r: e.getBoundingClientRect() }));
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 1 && h > 1) overlaps.push(`${name(a.e)} × ${name(b.e)} (${w.toFixed(0)}×${h.toFixed(0)} px)`);
    }
  const cutOff = boxes
    .filter(({ e, r }) => (r.left < -1 || r.right > innerWidth + 1) && !scrolls(e))
    .map(({ e, r }) => `${name(e)} (${r.left.toFixed(0)}..${r.right.toFixed(0)} of ${innerWidth})`);
  return {
    checked: boxes.length,
    overlaps,
    cutOff,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
  };
}

/** What the diagram check found: its text boxes that overlap, and those past the diagram's edges. */
export interface DiagramProblems {
  checked: number;
  overlaps: string[];
  outside: string[];
}

/**
 * Runs in the page (`page.evaluate(findDiagramProblems, '#diagram svg.network')`): every
 * non-empty text of the diagram (a rule's angle line with its swatch), pairwise by bounding box (more than 1 px shared in both
 * directions is an overlap), and each against the diagram's own box. Self-contained.
 */
export function findDiagramProblems(selector: string): DiagramProblems {
  const box = document.querySelector(selector);
  if (!box) return { checked: 0, overlaps: [], outside: [`no ${selector}`] };
  const frame = box.getBoundingClientRect();
  // a rule's angle line counts as one box: its swatch and its text
  const texts = [...box.querySelectorAll('text:not(.angle-line text), g.angle-line')]
    .map((t) => ({
      t: ((t.tagName === 'g' ? t.querySelector('text') : t)?.textContent ?? '').trim(),
      r: t.getBoundingClientRect(),
    }))
    .filter(({ t }) => t !== '');
  const overlaps: string[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r;
      const b = texts[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1)
        overlaps.push(`'${texts[i].t}' × '${texts[j].t}' (${w.toFixed(0)}×${h.toFixed(0)} px)`);
    }
  const outside = texts
    .filter(
      ({ r }) =>
        r.left < frame.left - 1 ||
        r.right > frame.right + 1 ||
        r.top < frame.top - 1 ||
        r.bottom > frame.bottom + 1,
    )
    .map(
      ({ t, r }) =>
        `'${t}' (${r.left.toFixed(0)}..${r.right.toFixed(0)} of ${frame.left.toFixed(0)}..${frame.right.toFixed(0)})`,
    );
  return { checked: texts.length, overlaps, outside };
}
