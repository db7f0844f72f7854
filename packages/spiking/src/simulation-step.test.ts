import { createCpuBackend } from '@rfa/backend-cpu';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { expectClose, matmul64, maxAbsDiff, sigmoid64 } from './fixtures/reference.js';
import { type BatchReduction, PHI_DELTAS, type PhiDelta } from './options.js';
import { phiDelta64 } from './phi-delta.js';
import { createSpikingNetwork } from './spiking-network.js';

const layers = [12, 9, 7, 6];
const [P, tau, eta, gamma] = [4, 0.9, 0.05, 1e-3];

/** A small net with biases, warmed up for a few steps so every state is non-zero. */
async function warmNet(phiDelta: PhiDelta, batchReduction: BatchReduction) {
  const rng = new Rng(21);
  const net = createSpikingNetwork(createCpuBackend(), {
    layers,
    classes: 3,
    unitsPerClass: 2,
    parallel: P,
    tau,
    learningRate: eta,
    weightDecay: gamma,
    biases: true,
    phiDelta,
    batchReduction,
    rng,
  });
  const x = Float32Array.from({ length: P * layers[0] }, () => rng.uniform());
  const labels = [0, 2, 1, 2];
  net.present(x, labels);
  for (let t = 0; t < 3; t++) net.step(true);
  return { net, labels };
}

describe('one simulation step against a float64 reference from the recorded state', () => {
  for (const phi of PHI_DELTAS) {
    for (const reduction of ['sum', 'mean'] as const) {
      it(`phiDelta ${phi}, batchReduction ${reduction}`, async () => {
        const { net, labels } = await warmNet(phi, reduction);
        const before = await net.getState();
        net.step(true);
        const after = await net.getState();
        const inputSpikes = await net.tensors.inputSpikes.read();
        const L = layers.length - 1;
        const rate = reduction === 'mean' ? eta / P : eta;
        const phiOf = (u: Float32Array) => Float64Array.from(u, (v) => phiDelta64(v, phi));

        for (let l = 0; l < L; l++) {
          const [n, m] = [layers[l + 1], layers[l]];
          const b0 = before.layerStates[l];
          const s1 = after.layerStates[l];
          const pre = l === 0 ? inputSpikes : after.layerStates[l - 1].spikes;
          expect(s1.spikes.every((s) => s === 0 || s === 1)).toBe(true);
          // leaky integrator, using the spikes this step actually drew below
          const drive = matmul64(pre, b0.weights, P, m, n, true);
          const v = drive.map(
            (d, i) => (1 - tau) * b0.potential[i] + tau * (d + (b0.bias as Float32Array)[i % n]),
          );
          expectClose(s1.potential, v, 1e-5, 1e-5);
        }

        // error units: U_L = (1 − tau)·U_L + tau·(y* − s_L)
        const out = layers[L];
        const yStar = new Float64Array(P * out);
        labels.forEach((c, r) => {
          yStar.fill(1, r * out + 2 * c, r * out + 2 * c + 2);
        });
        const uL = yStar.map(
          (y, i) =>
            (1 - tau) * before.layerStates[L - 1].feedbackPotential[i] +
            tau * (y - after.layerStates[L - 1].spikes[i]),
        );
        expectClose(after.layerStates[L - 1].feedbackPotential, uL, 1e-6, 1e-6);

        // feedback units, top-down: U_l = (1 − tau)·U_l + tau·phi(U_{l+1}) B_{l+1}, B_{l+1} stored [n_{l+1}, n_l]
        for (let l = L - 2; l >= 0; l--) {
          const [n, up] = [layers[l + 1], layers[l + 2]];
          const proj = matmul64(
            phiOf(after.layerStates[l + 1].feedbackPotential),
            before.layerStates[l + 1].feedback!,
            P,
            up,
            n,
            false,
          );
          const u = proj.map((p, i) => (1 - tau) * before.layerStates[l].feedbackPotential[i] + tau * p);
          expectClose(after.layerStates[l].feedbackPotential, u, 1e-5, 1e-5);
        }

        // plasticity: W ← (1 − gamma)·W + rate·(phi(U) ∘ sigmoid'(V))^T s_pre;  b ← b + rate·Σ_rows(...)
        for (let l = 0; l < L; l++) {
          const [n, m] = [layers[l + 1], layers[l]];
          const s1 = after.layerStates[l];
          const pre = l === 0 ? inputSpikes : after.layerStates[l - 1].spikes;
          const mod = s1.feedbackPotential.map((u, i) => {
            const p = sigmoid64(s1.potential[i]);
            return phiDelta64(u, phi) * p * (1 - p);
          });
          const w = new Float64Array(n * m);
          const bias = new Float64Array(n);
          for (let j = 0; j < n; j++) {
            let db = 0;
            for (let r = 0; r < P; r++) db += mod[r * n + j];
            bias[j] = (1 - gamma) * before.layerStates[l].bias![j] + rate * db;
            for (let i = 0; i < m; i++) {
              let dw = 0;
              for (let r = 0; r < P; r++) dw += mod[r * n + j] * pre[r * m + i];
              w[j * m + i] = (1 - gamma) * before.layerStates[l].weights[j * m + i] + rate * dw;
            }
          }
          expectClose(s1.weights, w, 1e-6, 1e-5);
          expectClose(s1.bias!, bias, 1e-6, 1e-5);
          // the change is well above the tolerance (~1.5e-6 here), so a wrong rule would fail
          expect(maxAbsDiff(s1.weights, before.layerStates[l].weights)).toBeGreaterThan(5e-5);
          expect(s1.feedback).toEqual(before.layerStates[l].feedback);
        }
        net.dispose();
      });
    }
  }
});

it('with deterministic input spikes (x = 1, clamp 1) the first potentials follow the hand-run leaky integrator', async () => {
  const rng = new Rng(4);
  const net = createSpikingNetwork(createCpuBackend(), {
    layers: [5, 3, 2],
    classes: 1,
    unitsPerClass: 2,
    parallel: 2,
    inputClamp: 1,
    tau: 0.7,
    learningRate: 0,
    weightDecay: 0,
    rng,
  });
  const w = await net.layers[0].weights.read();
  net.present(new Float32Array(10).fill(1), [0, 0]);
  const drive = [0, 1, 2].map((j) => w.slice(j * 5, j * 5 + 5).reduce((a, b) => a + b, 0));
  const v = [0, 0, 0];
  for (let t = 0; t < 4; t++) {
    net.step(true);
    for (let j = 0; j < 3; j++) v[j] = 0.3 * v[j] + 0.7 * drive[j];
    expect(await net.tensors.inputSpikes.read()).toEqual(new Float32Array(10).fill(1));
    expectClose(await net.layers[0].potential.read(), [...v, ...v], 1e-6, 1e-6);
  }
  net.dispose();
});
