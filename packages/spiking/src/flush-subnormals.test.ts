import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { flushSubnormals, LARGEST_SUBNORMAL } from './flush-subnormals.js';
import { createSpikingNetwork } from './spiking-network.js';

const SMALLEST_NORMAL = 2 ** -126;
const isSubnormal = (v: number) => v !== 0 && Math.abs(v) < SMALLEST_NORMAL;

describe('flushSubnormals', () => {
  it('zeroes subnormals and keeps normals, infinities and NaN bit for bit', () => {
    const backend = createCpuBackend();
    const values = [
      1e-39,
      -1e-39,
      2 ** -149,
      LARGEST_SUBNORMAL,
      SMALLEST_NORMAL,
      -SMALLEST_NORMAL,
      1.5,
      -3e38,
      0,
      Number.POSITIVE_INFINITY,
      Number.NaN,
    ];
    const x = backend.fromArray(values, [1, values.length]);
    flushSubnormals(backend, x, backend.zeros([1, values.length]));
    const got = Array.from(backend.readSync(x));
    const want = Float32Array.from(values).map((v) => (isSubnormal(v) ? 0 : v));
    expect(got.map(Math.abs)).toEqual(Array.from(want, Math.abs));
    expect(got.slice(4, 8)).toEqual(Array.from(want.slice(4, 8)));
    expect(Number.isNaN(got[10])).toBe(true);
  });
});

describe('the error units under a zero drive', () => {
  const layers = [6, 5, 4];
  const P = 2;

  /** A net whose output units never spike (bias −200), error units starting at U = 1, shown class 0. */
  async function silentOutput(flush: boolean) {
    const net = createSpikingNetwork(createCpuBackend(), {
      layers,
      classes: 2,
      unitsPerClass: 2,
      parallel: P,
      biases: true,
      rng: new Rng(5),
      flushSubnormals: flush,
    });
    const state = await net.getState();
    const top = state.layerStates[layers.length - 2];
    (top.bias as Float32Array).fill(-200);
    top.feedbackPotential.fill(1);
    net.setState(state);
    net.present(new Float32Array(P * layers[0]).fill(0.5), [0, 0]);
    return net;
  }

  /** U of the class-1 units (target 0, no spikes: zero drive) after each of `steps` steps. */
  async function decay(flush: boolean, steps: number): Promise<number[][]> {
    const net = await silentOutput(flush);
    const out: number[][] = [];
    for (let t = 0; t < steps; t++) {
      net.step(false);
      const top = net.tensors.layers[layers.length - 2];
      expect((await top.spikes.read()).every((s) => s === 0)).toBe(true);
      const u = await top.feedbackPotential.read();
      out.push([u[2], u[3], u[6], u[7]]);
    }
    return out;
  }

  it('pass through subnormal values when kept, and reach exactly 0 at the first one when flushed', async () => {
    const steps = 50;
    const kept = await decay(false, steps);
    const flushed = await decay(true, steps);
    // kept: U_t = (1 − tau)·U_{t−1} from U_0 = 1; flushed: the same numbers while they stay normal, then 0
    let firstSubnormal = -1;
    for (let t = 0; t < steps; t++) {
      const u = kept[t][0];
      expect(kept[t]).toEqual([u, u, u, u]);
      if (!isSubnormal(u) && u !== 0) expect(Math.abs(u / 0.1 ** (t + 1) - 1)).toBeLessThan(1e-5);
      if (firstSubnormal < 0 && isSubnormal(u)) firstSubnormal = t;
      const want = firstSubnormal >= 0 ? 0 : u;
      expect(flushed[t]).toEqual([want, want, want, want]);
    }
    expect(firstSubnormal).toBeGreaterThan(30);
    expect(kept.flat().filter(isSubnormal).length).toBeGreaterThan(0);
    expect(flushed.flat().some(isSubnormal)).toBe(false);
  });
});
