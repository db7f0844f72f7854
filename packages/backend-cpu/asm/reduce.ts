// Sums along one axis, accumulated in f64 (as the plain-JS kernel does, so both
// give the same bits): f32x4 loads promoted to two f64x2 halves.

/** out[j] = Σ_i a[i, j] over a rows×cols matrix; `acc` is cols f64 of scratch. */
export function sumColumns(out: usize, a: usize, rows: i32, cols: i32, acc: usize): void {
  memory.fill(acc, 0, (<usize>cols) << 3);
  for (let i = 0; i < rows; i++) {
    const row = a + ((<usize>i * cols) << 2);
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const v = v128.load(row + ((<usize>j) << 2));
      const s = acc + ((<usize>j) << 3);
      v128.store(s, f64x2.add(v128.load(s), f64x2.promote_low_f32x4(v)));
      v128.store(s, f64x2.add(v128.load(s, 16), f64x2.promote_low_f32x4(f32x4.shuffle(v, v, 2, 3, 0, 1))), 16);
    }
    for (; j < cols; j++) {
      const s = acc + ((<usize>j) << 3);
      store<f64>(s, load<f64>(s) + <f64>load<f32>(row + ((<usize>j) << 2)));
    }
  }
  for (let j = 0; j < cols; j++) store<f32>(out + ((<usize>j) << 2), <f32>load<f64>(acc + ((<usize>j) << 3)));
}
