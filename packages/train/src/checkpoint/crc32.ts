// CRC-32 as in zlib, PNG and gzip: reflected polynomial 0xEDB88320, initial value
// and final XOR 0xFFFFFFFF. Table-driven, one byte per step.
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * Feeds `bytes` into a running CRC-32. Start from 0 (the default) and chain calls
 * to checksum several pieces as one: `crc32(b, crc32(a))` equals `crc32(a ++ b)`.
 * @example
 * crc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
