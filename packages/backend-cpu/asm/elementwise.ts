// Elementwise kernels on f32x4, in place in wasm memory. Pointers are byte
// addresses, sizes are elements; outputs may alias inputs (same address).

/** op 0 add, 1 sub, 2 mul, 3 div: out = a op b. */
export function binary(op: i32, out: usize, a: usize, b: usize, size: i32): void {
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const o = (<usize>i) << 2;
    const x = v128.load(a + o);
    const y = v128.load(b + o);
    const r =
      op === 0 ? f32x4.add(x, y) : op === 1 ? f32x4.sub(x, y) : op === 2 ? f32x4.mul(x, y) : f32x4.div(x, y);
    v128.store(out + o, r);
  }
  for (; i < size; i++) {
    const o = (<usize>i) << 2;
    const x = load<f32>(a + o);
    const y = load<f32>(b + o);
    store<f32>(out + o, op === 0 ? x + y : op === 1 ? x - y : op === 2 ? x * y : x / y);
  }
}

/** out = scale·a + shift */
export function scaleShift(out: usize, a: usize, size: i32, scale: f32, shift: f32): void {
  const vs = f32x4.splat(scale);
  const vt = f32x4.splat(shift);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(out + o, f32x4.add(f32x4.mul(vs, v128.load(a + o)), vt));
  }
  for (; i < size; i++) {
    const o = (<usize>i) << 2;
    store<f32>(out + o, scale * load<f32>(a + o) + shift);
  }
}

/** y += alpha·x */
export function axpy(y: usize, x: usize, size: i32, alpha: f32): void {
  const va = f32x4.splat(alpha);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(va, v128.load(x + o))));
  }
  for (; i < size; i++) {
    const o = (<usize>i) << 2;
    store<f32>(y + o, load<f32>(y + o) + alpha * load<f32>(x + o));
  }
}

/** out[i,:] = a[i,:] + row */
export function addRowVector(out: usize, a: usize, row: usize, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    const base = (<usize>i * cols) << 2;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const o = (<usize>j) << 2;
      v128.store(out + base + o, f32x4.add(v128.load(a + base + o), v128.load(row + o)));
    }
    for (; j < cols; j++) {
      const o = (<usize>j) << 2;
      store<f32>(out + base + o, load<f32>(a + base + o) + load<f32>(row + o));
    }
  }
}
