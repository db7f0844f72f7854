/**
 * One colour per rule, everywhere on the page: the Okabe–Ito palette, which stays
 * distinguishable under the common colour-vision deficiencies. Variants of a rule
 * (a deeper network, a phased run) share its colour and draw dashed.
 */
const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

const BASE: Record<string, string> = {
  bp: OKABE_ITO.black,
  fa: OKABE_ITO.vermillion,
  'fa-sparse50': OKABE_ITO.orange,
  dfa: OKABE_ITO.skyBlue,
  shallow: OKABE_ITO.grey,
  'node-perturbation': OKABE_ITO.reddishPurple,
  'sign-symmetry': OKABE_ITO.bluishGreen,
  'kolen-pollack': OKABE_ITO.blue,
};

/** A rule with a colour of its own, else the rule it varies ('fa-4layer' → 'fa'), else itself. */
function baseKey(rule: string): string {
  if (rule in BASE) return rule;
  const base = Object.keys(BASE)
    .filter((b) => rule.startsWith(`${b}-`))
    .sort((a, b) => b.length - a.length)[0];
  return base ?? rule;
}

/** The rule's colour (its base rule's for a variant); unknown rules get the blue. */
export function ruleColour(rule: string): string {
  return BASE[baseKey(rule)] ?? OKABE_ITO.blue;
}

/** Dash patterns of variants, by how many words the variant adds ('fa-4layer': one). */
const DASHES = [
  [6, 4],
  [2, 3],
  [8, 3, 2, 3],
];

/** The rule's dash pattern: none for a rule with its own colour, else one per variant depth. */
export function ruleDash(rule: string): number[] | undefined {
  const base = baseKey(rule);
  if (base === rule) return undefined;
  const words = rule.slice(base.length + 1).split('-').length;
  return DASHES[Math.min(words, DASHES.length) - 1];
}
