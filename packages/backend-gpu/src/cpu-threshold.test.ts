import { Rng } from '@rfa/tensor';
import { expectClose, randomArray, refSum } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';

describe('cpuThreshold routing', () => {
  it('keeps small tensors on the host and computes there', async () => {
    const backend = await createGpuBackend({ mode: 'webasm', cpuThreshold: 64 });
    const a = backend.fromArray([1, 2, 3], [3]);
    const b = backend.fromArray([4, 5, 6], [3]);
    backend.add(a, a, b);
    expect(await a.read()).toEqual(Float32Array.from([5, 7, 9]));
    expect(backend.memory()).toMatchObject({ tensors: 2, hostTensors: 2, deviceBuffers: 0 });
    backend.dispose();
  });

  it('moves a small output written by a device kernel to the device, with no readback, and keeps values', async () => {
    const backend = await createGpuBackend({ mode: 'webasm', cpuThreshold: 64 });
    const data = randomArray(new Rng(3), [20, 10]);
    const big = backend.fromArray(data, [20, 10]);
    const colSums = backend.zeros([10]);
    const bias = backend.fromArray(new Float32Array(10).fill(0.5), [10]);
    expect(backend.memory()).toMatchObject({ hostTensors: 1, deviceBuffers: 1 });
    backend.sum(colSums, big, 0); // device kernel into a small tensor: it moves to the device
    backend.axpy(bias, -1, colSums); // mixed operands run on the device; bias moves too
    expect(backend.memory()).toMatchObject({ tensors: 3, hostTensors: 0, deviceBuffers: 3 });
    const expected = Float64Array.from(refSum(data, 20, 10, 0), (s) => 0.5 - s);
    expectClose(await bias.read(), expected, { atol: 1e-5, rtol: 1e-5 }, 'bias - colSums');
    backend.dispose();
  });
});
