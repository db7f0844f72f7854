import { ruleStyle } from '@rfa/experiments';
import { el } from './dom.js';

/** A colour and, for a variant, the dash its chart line is drawn with (on, off, … in px). */
export interface SwatchStyle {
  colour: string;
  dash?: readonly number[];
}

/** A rule with its style, as the cards and the diagram take it (`{ rule, ...ruleStyle(rule) }`). */
export interface StyledRule extends SwatchStyle {
  rule: string;
}

/** A CSS background that draws `dash` (on, off, … in px, as the charts draw it) in `colour`. */
export function dashedBackground(colour: string, dash: readonly number[]): string {
  let at = 0;
  const stops: string[] = [];
  dash.forEach((length, i) => {
    const end = at + length;
    stops.push(`${i % 2 === 0 ? colour : 'transparent'} ${at}px ${end}px`);
    at = end;
  });
  return `repeating-linear-gradient(90deg, ${stops.join(', ')})`;
}

/** The CSS background of a swatch: the colour, or a variant's dash in it. */
export const swatchBackground = (s: SwatchStyle): string =>
  s.dash ? dashedBackground(s.colour, s.dash) : s.colour;

/**
 * A rule's swatch wherever the page names the rule (rule list, cards, readout table, diagram key):
 * a square in its colour, or for a variant a short line with its chart dash, so `fa-4layer` and
 * `fa-4layer-frozen-w0` look apart as they do in the charts. `data-colour` carries the colour.
 */
export function ruleSwatch(rule: string, style: SwatchStyle = ruleStyle(rule)): HTMLSpanElement {
  return el('span', {
    class: style.dash ? 'swatch dashed' : 'swatch',
    style: `background:${swatchBackground(style)}`,
    'data-colour': style.colour,
    'aria-hidden': 'true',
  });
}
