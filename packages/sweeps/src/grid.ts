import { SweepSpecError } from './errors.js';
import { unsafeSegment } from './unsafe-key.js';

/** Splits on commas outside brackets and quotes, so `[784,500,10]` stays one value. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '[' || c === '{')) depth++;
    else if (!quoted && (c === ']' || c === '}')) depth--;
    else if (!quoted && depth === 0 && c === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // a bare word (`size=paper`) stays a string
  }
}

/**
 * Parses `--grid key=v1,v2` pairs into the values each setting takes. Values are JSON where
 * they parse (`0.1`, `true`, `[784,500,10]`), else strings; a key given twice is refused.
 * @example
 * parseGrid(['learningRates.fa=0.001,0.005', 'feedbackInit=0.1,0.5']);
 * // { 'learningRates.fa': [0.001, 0.005], feedbackInit: [0.1, 0.5] }
 */
export function parseGrid(pairs: readonly string[]): Record<string, unknown[]> {
  const grid = new Map<string, unknown[]>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    if (eq < 1 || !key) throw new SweepSpecError('grid', `--grid '${pair}': expected key=value1,value2,…`);
    const bad = unsafeSegment(key);
    if (bad !== undefined)
      throw new SweepSpecError(`grid.${key}`, `--grid '${key}': '${bad}' cannot name a setting`);
    if (grid.has(key)) throw new SweepSpecError(`grid.${key}`, `--grid: '${key}' is given twice`);
    const values = splitTopLevel(pair.slice(eq + 1));
    if (values.some((v) => v === ''))
      throw new SweepSpecError(`grid.${key}`, `--grid '${pair}': an empty value (stray comma?)`);
    grid.set(key, values.map(parseValue));
  }
  return Object.fromEntries(grid);
}
