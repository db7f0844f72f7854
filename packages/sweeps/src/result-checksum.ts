import { createHash } from 'node:crypto';

const FIELD = ',"sha256":"';

/**
 * A result's JSON text with a SHA-256 of that text as its last field, so a flipped byte or a
 * cut-off tail is found when it is read back: `{…,"sha256":"<hex of the text before it + '}'>"}`.
 */
export function sealJson(json: string): string {
  if (!json.endsWith('}')) throw new TypeError('sealJson: expected a JSON object');
  return `${json.slice(0, -1)}${FIELD}${sha256(json)}"}`;
}

/**
 * The JSON text `sealJson` was given, or why `text` is not it: `unsealed` (no checksum field:
 * written before checksums, or the field itself was damaged) or `mismatch`.
 */
export function openSealedJson(text: string): { json: string } | { problem: 'unsealed' | 'mismatch' } {
  const body = text.trimEnd();
  const at = body.lastIndexOf(FIELD);
  if (at < 0 || !/^[0-9a-f]{64}"\}$/.test(body.slice(at + FIELD.length))) return { problem: 'unsealed' };
  const json = `${body.slice(0, at)}}`;
  return sha256(json) === body.slice(at + FIELD.length, -2) ? { json } : { problem: 'mismatch' };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
