import { type Backend, Rng, reshapeView, windowGeometry } from '@rfa/tensor';
import { randomArray } from '@rfa/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createCpuBackend } from './cpu-backend.js';

/**
 * Counts the typed arrays made while `run` runs, by putting counting proxies in place of
 * the global constructors (module code looks them up at call time). Views the kernels
 * take with `subarray` are made by the original class and would not be counted, but the
 * window kernels take none.
 */
function countTypedArrays(run: () => void): number {
  const originals = { Float32Array, Float64Array, Int32Array };
  let made = 0;
  const counting = <T extends object>(ctor: T): T =>
    new Proxy(ctor, {
      construct(target, args, newTarget) {
        made++;
        return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
      },
    });
  globalThis.Float32Array = counting(originals.Float32Array);
  globalThis.Float64Array = counting(originals.Float64Array);
  globalThis.Int32Array = counting(originals.Int32Array);
  try {
    run();
  } finally {
    Object.assign(globalThis, originals);
  }
  return made;
}

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
