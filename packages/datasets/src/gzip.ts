import { gunzipSync } from 'fflate';
import { DatasetError } from './errors.js';

/** Bytes as a Uint8Array view (no copy) whatever form they came in. */
export function asBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip data (detected by its 1f 8b magic, whatever the file is called) and
 * returns other data unchanged. A corrupt or truncated stream is a `DatasetError` naming `file`.
 * @example
 * const idx = maybeGunzip(new Uint8Array(await response.arrayBuffer()), 'train-images-idx3-ubyte.gz');
 */
export function maybeGunzip(data: ArrayBuffer | ArrayBufferView, file: string): Uint8Array {
  const bytes = asBytes(data);
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new DatasetError(file, `corrupt or truncated gzip data (${(error as Error).message})`);
  }
}
