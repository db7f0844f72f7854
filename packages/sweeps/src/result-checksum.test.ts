import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSealedJson, sealJson } from './result-checksum.js';

describe('sealJson / openSealedJson', () => {
  const json = '{"a":1,"b":[2.5,"x"]}';
  const sealed = sealJson(json);

  it('appends the SHA-256 of the text as the last field, and gives the text back', () => {
    const hex = createHash('sha256').update(json).digest('hex');
    expect(sealed).toBe(`{"a":1,"b":[2.5,"x"],"sha256":"${hex}"}`);
    expect(JSON.parse(sealed).a).toBe(1);
    expect(openSealedJson(`${sealed}\n`)).toEqual({ json });
  });

  it('finds every single flipped byte and every truncation', () => {
    for (let i = 0; i < sealed.length; i++) {
      const flipped =
        sealed.slice(0, i) + String.fromCharCode(sealed.charCodeAt(i) ^ 0x04) + sealed.slice(i + 1);
      expect(openSealedJson(flipped), `byte ${i}`).not.toHaveProperty('json');
    }
    for (let n = 0; n < sealed.length; n++)
      expect(openSealedJson(sealed.slice(0, n)), `${n} bytes`).not.toHaveProperty('json');
  });

  it('tells a text without a checksum from one that does not match', () => {
    expect(openSealedJson(json)).toEqual({ problem: 'unsealed' });
    expect(openSealedJson(sealed.replace('"a":1', '"a":7'))).toEqual({ problem: 'mismatch' });
  });
});
