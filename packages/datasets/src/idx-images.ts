import { DatasetError } from './errors.js';
import { asBytes } from './gzip.js';
import { IDX_IMAGES_MAGIC, readIdxHeader } from './idx.js';

/** Options of `parseIdxImages`. */
export interface ParseImagesOptions {
  /** Refuse images of another height (MNIST: 28). */
  rows?: number;
  /** Refuse images of another width (MNIST: 28). */
  cols?: number;
  /** Refuse a file whose item count differs (for instance the count of its label file). */
  expectedCount?: number;
  /** Where `expectedCount` came from, named in the error (for instance the label file). */
  expectedCountSource?: string;
}

/** A parsed image file: `pixels` is `count × (rows·cols)`, row-major, scaled to [0, 1]. */
export interface IdxImages {
  readonly pixels: Float32Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

// byte → float32 in [0, 1]; a table keeps the conversion loop to one load per pixel.
const SCALE = new Float32Array(256).map((_, i) => i / 255);

/**
 * Parses an IDX3 image file (magic 0x00000803) straight into one Float32Array with pixels
 * divided by 255. Every check (magic, dimensions, count, length) runs before the block
 * is allocated, so a bad file costs no memory and nothing is half-loaded.
 * @example
 * const { pixels, count } = parseIdxImages(bytes, 'train-images-idx3-ubyte', { rows: 28, cols: 28 });
 */
export function parseIdxImages(
  data: ArrayBuffer | ArrayBufferView,
  file: string,
  options: ParseImagesOptions = {},
): IdxImages {
  const bytes = asBytes(data);
  const { dims, dataOffset } = readIdxHeader(bytes, file, IDX_IMAGES_MAGIC);
  const [count, rows, cols] = dims;
  if (rows === 0 || cols === 0) throw new DatasetError(file, `image dimensions ${rows} × ${cols} are empty`);
  if (
    (options.rows !== undefined && rows !== options.rows) ||
    (options.cols !== undefined && cols !== options.cols)
  ) {
    throw new DatasetError(
      file,
      `images are ${rows} × ${cols}, expected ${options.rows ?? rows} × ${options.cols ?? cols}`,
    );
  }
  if (options.expectedCount !== undefined && count !== options.expectedCount) {
    const source = options.expectedCountSource ? ` (the count of ${options.expectedCountSource})` : '';
    throw new DatasetError(file, `holds ${count} images, expected ${options.expectedCount}${source}`);
  }
  const size = count * rows * cols;
  const pixels = new Float32Array(size);
  for (let i = 0; i < size; i++) pixels[i] = SCALE[bytes[dataOffset + i]];
  return { pixels, count, rows, cols };
}
