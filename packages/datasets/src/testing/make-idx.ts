// Builds IDX files in tests: a header with chosen (possibly wrong) magic and sizes, then data;
// shipped in @rfa/datasets/internal for other packages' tests (unstable).

/** An IDX file: `magic`, big-endian `dims`, then `data` (not checked against the dims). */
export function makeIdx(magic: number, dims: number[], data: ArrayLike<number>): Uint8Array {
  const offset = 4 + 4 * dims.length;
  const bytes = new Uint8Array(offset + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  bytes.set(Array.from(data), offset);
  return bytes;
}

/** A valid label file. */
export function labelFile(labels: number[]): Uint8Array {
  return makeIdx(0x801, [labels.length], labels);
}

/** A valid image file of `count` images of rows × cols whose pixel p of image i is (i * 7 + p) % 256. */
export function imageFile(count: number, rows = 28, cols = 28): Uint8Array {
  const data = new Uint8Array(count * rows * cols).map(
    (_, k) => (Math.floor(k / (rows * cols)) * 7 + (k % (rows * cols))) % 256,
  );
  return makeIdx(0x803, [count, rows, cols], data);
}

/**
 * The four MNIST files (by their registry names) of a set with these train and test
 * labels; the images are `imageFile`'s (pixel p of image i is (i * 7 + p) % 256).
 */
export function mnistFiles(trainLabels: number[], testLabels: number[]): Record<string, Uint8Array> {
  return {
    'train-images-idx3-ubyte': imageFile(trainLabels.length),
    'train-labels-idx1-ubyte': labelFile(trainLabels),
    't10k-images-idx3-ubyte': imageFile(testLabels.length),
    't10k-labels-idx1-ubyte': labelFile(testLabels),
  };
}
