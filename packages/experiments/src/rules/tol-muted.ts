/**
 * Paul Tol's "muted" qualitative palette (Tol 2021), also distinguishable under the common
 * colour-vision deficiencies: the colours of rules once the Okabe–Ito palette is used up.
 */
export const TOL_MUTED = {
  indigo: '#332288',
  cyan: '#88CCEE',
  teal: '#44AA99',
  green: '#117733',
  olive: '#999933',
  sand: '#DDCC77',
  rose: '#CC6677',
  wine: '#882255',
  purple: '#AA4499',
} as const;
