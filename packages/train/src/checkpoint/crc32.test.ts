import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';

// Bit-at-a-time CRC-32 straight from the definition (polynomial division, reflected):
// an independent oracle for the table-driven version.
function crc32Bitwise(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('gives the catalogued check value for "123456789": 0xCBF43926', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes and matches the bitwise definition on random data', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = new Uint8Array(4099);
    let s = 12345;
    for (let i = 0; i < bytes.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      bytes[i] = s >>> 24;
    }
    expect(crc32(bytes)).toBe(crc32Bitwise(bytes));
  });

  it('chains: crc32(b, crc32(a)) = crc32(a ++ b), and one flipped bit changes it', () => {
    const all = new TextEncoder().encode('random synaptic feedback weights');
    const [a, b] = [all.subarray(0, 11), all.subarray(11)];
    expect(crc32(b, crc32(a))).toBe(crc32(all));
    const flipped = all.slice();
    flipped[5] ^= 0x10;
    expect(crc32(flipped)).not.toBe(crc32(all));
  });
});
