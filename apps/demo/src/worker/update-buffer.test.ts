import { createCpuBackend } from '@rfa/backend-cpu';
import { createSpikingNetwork, TraceRecorder } from '@rfa/spiking';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import type { RunUpdate } from './api.js';
import { UpdateBuffer } from './update-buffer.js';

describe('UpdateBuffer', () => {
  it('sends many reports as one message, in order, and flushes at once when the run finishes', async () => {
    const sent: RunUpdate[] = [];
    const buffer = new UpdateBuffer((u) => sent.push(u), 20);
    for (let i = 0; i < 100; i++) buffer.point('fa', 1, { step: i });
    buffer.progress(50, 100);
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toHaveLength(1);
    expect(sent[0].points.map((p) => p.point.step)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(sent[0].progress).toEqual({ done: 50, total: 100 });
    buffer.end({ rule: 'fa', seed: 1, final: { nse: 0.1 } });
    buffer.finish();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ finished: true, ends: [{ rule: 'fa' }] });
  });

  it('joins the raster traces recorded between messages (TraceRecorder.take per batch) into one', () => {
    const net = createSpikingNetwork(createCpuBackend(), {
      layers: [784, 30, 40],
      classes: 10,
      unitsPerClass: 4,
      parallel: 2,
      rng: new Rng(2),
    });
    const recorder = new TraceRecorder(net, { unitsPerLayer: 20, outputPerClass: 2 });
    net.onStep = recorder.record;
    const sent: RunUpdate[] = [];
    const buffer = new UpdateBuffer((u) => sent.push(u), 1e6);
    const x = new Float32Array(2 * 784).fill(0.9);
    for (const labels of [
      [3, 7],
      [1, 2],
    ]) {
      net.trainExample(x, labels);
      buffer.raster(recorder.take(), net.options.classes);
    }
    buffer.finish();
    const trace = sent[0].raster?.trace;
    const steps = 2 * net.options.stepsPerExample;
    expect(trace?.potential).toHaveLength(steps);
    expect(trace?.layers.map((l) => [l.units.length, l.spikes.length])).toEqual([
      [20, steps],
      [20, steps],
    ]);
    expect(trace?.layers.some((l) => l.spikes.some((s) => s.length > 0))).toBe(true);
    net.dispose();
  });
});
