/**
 * The Okabe–Ito palette (Okabe & Ito 2008), which stays distinguishable under the common
 * colour-vision deficiencies, plus a neutral grey. Rules take their colours from it.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;
