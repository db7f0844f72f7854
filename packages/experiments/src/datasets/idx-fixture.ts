// Builds MNIST-shaped IDX files for tests: `count` 28×28 images whose pixel p of image i is
// (i + p) % 256, and their labels.

function idx(magic: number, dims: number[], data: ArrayLike<number>): Uint8Array {
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

/** The four MNIST files (by their registry names) of a set with these train and test labels. */
export function mnistFiles(trainLabels: number[], testLabels: number[]): Record<string, Uint8Array> {
  const images = (count: number) =>
    idx(
      0x803,
      [count, 28, 28],
      Uint8Array.from({ length: count * 784 }, (_, k) => (Math.floor(k / 784) + (k % 784)) % 256),
    );
  return {
    'train-images-idx3-ubyte': images(trainLabels.length),
    'train-labels-idx1-ubyte': idx(0x801, [trainLabels.length], trainLabels),
    't10k-images-idx3-ubyte': images(testLabels.length),
    't10k-labels-idx1-ubyte': idx(0x801, [testLabels.length], testLabels),
  };
}
