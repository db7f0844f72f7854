import { DatasetError } from './errors.js';

/**
 * The IDX format of LeCun's MNIST files: a big-endian header `00 00 <type> <ndim>`, then
 * `ndim` uint32 sizes, then the data. MNIST uses type 0x08 (unsigned byte): labels are
 * IDX1 (magic 0x00000801), images IDX3 (magic 0x00000803, count × rows × cols).
 */
export const IDX_LABELS_MAGIC = 0x00000801;
export const IDX_IMAGES_MAGIC = 0x00000803;

/** A checked IDX header: the dimension sizes and where the data starts. */
export interface IdxHeader {
  readonly dims: readonly number[];
  readonly dataOffset: number;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/**
 * Reads and checks an IDX header: the magic number, then the file length against the
 * product of the sizes (a short file is truncated, a long one has trailing bytes).
 */
export function readIdxHeader(bytes: Uint8Array, file: string, magic: number): IdxHeader {
  const ndim = magic & 0xff;
  const dataOffset = 4 + 4 * ndim;
  // The magic first: a label file handed over as images should say so, not "truncated".
  if (bytes.length < 4)
    throw new DatasetError(file, `truncated: ${bytes.length} bytes, no room for the magic number`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0, false);
  if (found !== magic) {
    throw new DatasetError(
      file,
      `wrong magic number ${hex(found)}, expected ${hex(magic)} (IDX${ndim} unsigned bytes)`,
    );
  }
  if (bytes.length < dataOffset) {
    throw new DatasetError(
      file,
      `truncated: ${bytes.length} bytes, shorter than the ${dataOffset}-byte IDX header`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < ndim; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const expected = dataOffset + dims.reduce((a, b) => a * b, 1);
  if (bytes.length < expected) {
    throw new DatasetError(
      file,
      `truncated: header announces ${dims.join(' × ')} items (${expected} bytes), file has ${bytes.length}`,
    );
  }
  if (bytes.length > expected) {
    throw new DatasetError(
      file,
      `file length ${bytes.length} exceeds the ${expected} bytes its header announces (${dims.join(' × ')})`,
    );
  }
  return { dims, dataOffset };
}
