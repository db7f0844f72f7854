import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { createSpikingNetwork } from './spiking-network.js';
import { TraceRecorder } from './trace-recorder.js';

const make = () =>
  createSpikingNetwork(createCpuBackend({ kernels: 'js' }), {
    layers: [16, 30, 20, 8],
    classes: 4,
    unitsPerClass: 2,
    parallel: 3,
    learningRate: 0.01,
    rng: new Rng(3),
  });

describe('TraceRecorder', () => {
  it('records, per step, which sampled units spiked and the traced neuron’s V and phi(U), as the tensors hold them', () => {
    const net = make();
    const rec = new TraceRecorder(net, {
      unitsPerLayer: 10,
      outputPerClass: 1,
      neuron: { layer: 1, unit: 4 },
    });
    const x = Float32Array.from({ length: 48 }, (_, i) => (i % 5) / 5);
    const expected: { fired: number[]; v: number; m: number }[] = [];
    net.onStep = (n) => {
      rec.record(n);
      const s = n.layers[0].spikes.readSync();
      const units = rec.peek().layers[0].units;
      expected.push({
        fired: units.flatMap((u, i) => (s[u] > 0 ? [i] : [])),
        v: n.layers[1].potential.readSync()[4],
        m: n.layers[1].modulator.readSync()[4],
      });
    };
    net.trainExample(x, [0, 1, 3]);
    net.onStep = null;
    const trace = rec.take();
    expect(trace.layers.map((l) => l.units.length)).toEqual([10, 10, 4]);
    expect(trace.layers[2].units).toEqual([0, 2, 4, 6]); // one output unit per class
    expect(trace.layers[0].spikes).toEqual(expected.map((e) => e.fired));
    expect(trace.potential).toEqual(expected.map((e) => e.v));
    expect(trace.modulator).toEqual(expected.map((e) => e.m));
    expect(trace.potential).toHaveLength(5); // stepsPerExample
    expect(rec.take().potential).toHaveLength(0);
  });

  it('refuses a neuron outside the hidden layers', () => {
    expect(() => new TraceRecorder(make(), { neuron: { layer: 2, unit: 0 } })).toThrow(OptionError);
  });
});
