import { type Backend, Rng, reshapeView, windowGeometry } from '@rfa/tensor';
import { countTypedArrays, randomArray } from '@rfa/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createCpuBackend } from './cpu-backend.js';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.dispose();
});

// A conv layer's step calls the window ops every batch: they must not allocate once warm.
describe.each([
  ['js', 1],
  ['wasm', 1],
  ['wasm', 2],
] as const)('window ops on the %s kernels, %i thread(s)', (kernels, threads) => {
  it('allocate no typed array after the first call', async () => {
    const backend = createCpuBackend({ kernels, threads });
    backends.push(backend);
    await backend.whenReady();
    const g = windowGeometry({
      batch: 64,
      height: 12,
      width: 12,
      channels: 6,
      kernel: 3,
      stride: 2,
      padding: 'same',
    });
    const image = [g.batch, g.height * g.width * g.channels];
    const pooled = [g.batch, g.outHeight * g.outWidth * g.channels];
    const x = backend.fromArray(randomArray(new Rng(1), image), image);
    const cols = backend.zeros([
      g.batch * g.outHeight * g.outWidth,
      g.kernelHeight * g.kernelWidth * g.channels,
    ]);
    const dx = backend.zeros(image);
    const [out, argmax, dy] = [backend.zeros(pooled), backend.zeros(pooled), backend.zeros(pooled)];
    backend.fill(dy, 1);
    const step = () => {
      backend.im2col(cols, x, g);
      backend.col2im(dx, cols, g);
      backend.maxPool(out, argmax, x, g);
      backend.maxPoolBackward(dx, dy, argmax, g);
      backend.avgPool(out, x, g);
      backend.avgPoolBackward(dx, dy, g);
    };
    step(); // the first call may make the kernels' scratch (the wasm geometry block's view)
    backend.fill(dx, 0);
    const made = countTypedArrays(() => {
      for (let i = 0; i < 5; i++) step();
    });
    expect(made).toBe(0);
    // the counted calls did work: avgPoolBackward of ones spreads 1/9 per covering window
    expect(Math.max(...backend.readSync(dx))).toBeGreaterThan(0);
    // and the counter sees allocation when there is some
    expect(countTypedArrays(() => reshapeView(backend.zeros([4, 6]), [6, 4]).dispose())).toBeGreaterThan(0);
  });
});
