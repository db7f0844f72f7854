/**
 * Reorders the rows of `blocks` in place so that new row r holds old row `order[r]`.
 * Follows the permutation's cycles with one spare row per block, so a 188 MB set is
 * shuffled without a second copy. `order` must be a permutation of 0..count-1.
 */
export function permuteRowsInPlace(
  blocks: ReadonlyArray<{ data: Float32Array | Uint8Array; width: number }>,
  order: ArrayLike<number>,
): void {
  const count = order.length;
  const done = new Uint8Array(count);
  const spares = blocks.map(({ data, width }) => data.slice(0, width));
  for (let start = 0; start < count; start++) {
    if (done[start] || order[start] === start) continue;
    blocks.forEach(({ data, width }, b) => {
      spares[b].set(data.subarray(start * width, (start + 1) * width));
    });
    let row = start;
    for (;;) {
      done[row] = 1;
      const from = order[row];
      if (from === start) {
        blocks.forEach(({ data, width }, b) => {
          data.set(spares[b], row * width);
        });
        break;
      }
      for (const { data, width } of blocks) data.copyWithin(row * width, from * width, (from + 1) * width);
      row = from;
    }
  }
}
