import { createCpuBackend } from '@rfa/backend-cpu';
import { LengthError, OptionError, Rng, ShapeError } from '@rfa/tensor';
import { describe, expect, it, vi } from 'vitest';
import { evaluate } from './dataset-loop.js';
import { allTensors } from './network-tensors.js';
import { createSpikingNetwork } from './spiking-network.js';

const small = (rng = new Rng(8)) => ({
  layers: [6, 5, 4, 6],
  classes: 3,
  unitsPerClass: 2,
  parallel: 3,
  biases: true,
  rng,
});

describe('allocation', () => {
  it('allocates every tensor up front: steps, trainExample and predict create none; dispose frees all', async () => {
    const backend = createCpuBackend();
    const net = createSpikingNetwork(backend, small());
    const live = backend.memory().tensors;
    expect(live).toBe(allTensors(net.tensors).length);
    const x = new Float32Array(18).fill(0.5);
    net.present(x, [0, 1, 2]);
    for (let t = 0; t < 4; t++) {
      net.step(t % 2 === 0);
      expect(backend.memory().tensors).toBe(live);
    }
    net.trainExample(x, [2, 2, 1]);
    await net.predict(x);
    expect(backend.memory()).toEqual({ tensors: live, bytes: backend.memory().bytes });
    net.dispose();
    net.dispose();
    expect(backend.memory()).toEqual({ tensors: 0, bytes: 0 });
  });
});

describe('readout', () => {
  /** Input unit i drives (weight +20) only the output units of class perm[i]; the rest get −20. */
  async function wiredNet() {
    const backend = createCpuBackend();
    const net = createSpikingNetwork(backend, {
      layers: [3, 6],
      classes: 3,
      unitsPerClass: 2,
      parallel: 4,
      inputClamp: 1,
      rng: new Rng(2),
    });
    const perm = [2, 0, 1];
    const w = Float32Array.from({ length: 18 }, (_, idx) =>
      Math.floor(Math.floor(idx / 3) / 2) === perm[idx % 3] ? 20 : -20,
    );
    backend.write(net.layers[0].weights, w);
    return { net, perm };
  }

  it('predict returns the class whose units spiked most', async () => {
    const { net, perm } = await wiredNet();
    const oneHot = (rows: number[]) =>
      Float32Array.from({ length: 12 }, (_, i) => (rows[Math.floor(i / 3)] === i % 3 ? 1 : 0));
    expect([...(await net.predict(oneHot([0, 1, 2, 0])))]).toEqual([perm[0], perm[1], perm[2], perm[0]]);
    expect([...(await net.predict(oneHot([2, 2, 1, 0])))]).toEqual([perm[2], perm[2], perm[1], perm[0]]);
    net.dispose();
  });

  it('evaluate counts the misclassified fraction, padding the last partial batch', async () => {
    const { net, perm } = await wiredNet();
    const count = 7;
    const inputs = new Float32Array(count * 3);
    const labels = new Uint8Array(count);
    for (let e = 0; e < count; e++) {
      inputs[e * 3 + (e % 3)] = 1;
      labels[e] = e === 2 || e === 6 ? (perm[e % 3] + 1) % 3 : perm[e % 3]; // two wrong labels
    }
    expect(await evaluate(net, { inputs, labels, count, inputSize: 3 })).toBeCloseTo(2 / 7, 12);
    expect(await evaluate(net, { inputs, labels, count, inputSize: 3 }, 2)).toBe(0);
    await expect(evaluate(net, { inputs, labels, count, inputSize: 4 })).rejects.toThrow(LengthError);
    net.dispose();
  });
});

describe('state', () => {
  it('setState(getState()) resumes the simulation bit for bit', async () => {
    const net = createSpikingNetwork(createCpuBackend(), small());
    const x = Float32Array.from({ length: 18 }, (_, i) => (i % 5) / 4);
    net.trainExample(x, [0, 1, 2]);
    const saved = await net.getState();
    net.trainExample(x, [1, 1, 0]);
    const first = await net.getState();
    net.setState(saved);
    net.trainExample(x, [1, 1, 0]);
    expect(await net.getState()).toEqual(first);
    expect(first).not.toEqual(saved);
    const other = createSpikingNetwork(createCpuBackend(), { ...small(), layers: [6, 5, 6] });
    expect(() => other.setState(saved)).toThrow(LengthError);
    net.dispose();
  });
});

describe('the transposed feedback weights', () => {
  it('hold Bᵀ exactly when the network is made and after setState changes B', async () => {
    const net = createSpikingNetwork(createCpuBackend(), small());
    const check = async () => {
      for (const layer of net.layers.slice(1)) {
        const [n, m] = layer.weights.shape;
        const b = await (layer.feedback as NonNullable<typeof layer.feedback>).read();
        const bt = await (layer.feedbackTransposed as NonNullable<typeof layer.feedbackTransposed>).read();
        for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) expect(bt[j * n + i]).toBe(b[i * m + j]);
      }
    };
    expect(net.layers[0].feedbackTransposed).toBeNull();
    await check();
    const state = await net.getState();
    for (const layer of state.layerStates)
      if (layer.feedback) for (let i = 0; i < layer.feedback.length; i++) layer.feedback[i] = i % 7;
    net.setState(state);
    await check();
    expect(await net.layers[1].feedbackTransposed?.read()).not.toEqual(new Float32Array(20));
    net.dispose();
  });
});

describe('fused updates', () => {
  it("training with each step's update fused into the next forward pass gives the same numbers as apart", async () => {
    // large enough for the CPU backend's fused path (updateThenProject on 10 rows), biases on
    const options = (fusedUpdates: boolean) => ({
      layers: [784, 60, 50, 100],
      classes: 10,
      unitsPerClass: 10,
      parallel: 10,
      biases: true,
      weightDecay: 1e-3,
      learningRate: 0.05,
      rng: new Rng(21),
      fusedUpdates,
    });
    const data = new Rng(5);
    const x = Float32Array.from({ length: 7840 }, () => (data.uniform() < 0.3 ? data.uniform() : 0));
    const labels = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    const runs = [];
    for (const fused of [true, false]) {
      const backend = createCpuBackend();
      const calls = vi.spyOn(backend, 'updateThenProject');
      const net = createSpikingNetwork(backend, options(fused));
      const before = await net.getState();
      net.trainExample(x, labels);
      net.trainExample(x, labels);
      // predict and reading the tensors must see every update, the pending last one too
      const guesses = await net.predict(x);
      net.trainExample(x, labels);
      const midWeights = net.tensors.layers.map((l) => Float32Array.from(l.weights.readSync()));
      net.trainExample(x, labels);
      net.trainExample(x, labels);
      // per layer, 5 steps a presentation: the first presentation after a read has no update
      // pending at its start (4 fused), one right after another carries the last one in (5)
      expect(calls).toHaveBeenCalledTimes(fused ? 3 * (4 + 5 + 4 + 4 + 5) : 0);
      const after = await net.getState();
      expect(after.layerStates[0].weights).not.toEqual(before.layerStates[0].weights);
      runs.push({ guesses, midWeights, after });
      net.dispose();
    }
    expect(runs[0].guesses).toEqual(runs[1].guesses);
    expect(runs[0].midWeights).toEqual(runs[1].midWeights);
    expect(runs[0].after).toEqual(runs[1].after);
  });
});

describe('bad input', () => {
  it('throws typed errors that name the problem', () => {
    const backend = createCpuBackend();
    const make = (o: object) => () => createSpikingNetwork(backend, { ...small(), ...o });
    expect(make({ unitsPerClass: 3 })).toThrow(/classes·unitsPerClass = 3·3 must equal the output width 6/);
    expect(make({ tau: 0 })).toThrow(OptionError);
    expect(make({ phiDelta: 'relu' })).toThrow(/phiDelta must be one of tanh, centred-logistic, linear/);
    expect(make({ layers: [6] })).toThrow(OptionError);
    expect(make({ inputClamp: 1.5 })).toThrow(/inputClamp/);
    const net = createSpikingNetwork(backend, small());
    const x = new Float32Array(18);
    expect(() => net.trainExample(new Float32Array(17), [0, 1, 2])).toThrow(LengthError);
    expect(() => net.trainExample(x, [0, 1])).toThrow(/need one per parallel row \(3\)/);
    expect(() => net.trainExample(x, [0, 1, 3])).toThrow(/label 3 in row 2/);
    expect(() => net.trainExample(backend.zeros([3, 5]), [0, 1, 2])).toThrow(ShapeError);
  });
});
