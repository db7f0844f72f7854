import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '@rfa/tensor';
import { expectClose } from '@rfa/testkit';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli.js';

const rng = new Rng(42);
const mat = (r: number, c: number, s = 0.5) =>
  Array.from({ length: r }, () => Array.from({ length: c }, () => Math.fround(rng.uniformIn(-s, s))));

/** Float64 reference of one FA step on a tanh-linear net with squared error. */
function referenceFaStep(spec: ReturnType<typeof makeSpec>) {
  const [W0, W1] = spec.weights;
  const [b0, b1] = spec.biases;
  const B1 = spec.feedback[1]!;
  const batch = spec.x.length;
  const newW0 = W0.map((r) => r.map((v) => v * (1 - spec.lr * spec.weightDecay)));
  const newW1 = W1.map((r) => r.map((v) => v * (1 - spec.lr * spec.weightDecay)));
  const nb0 = [...b0];
  const nb1 = [...b1];
  const deltas: number[][][] = [[], []];
  let loss = 0;
  spec.x.forEach((x, n) => {
    const a0 = W0.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b0[i]));
    const h = a0.map(Math.tanh);
    const y = W1.map((row, i) => row.reduce((s, w, j) => s + w * h[j], b1[i]));
    const e = spec.target[n].map((t, k) => t - y[k]);
    loss += 0.5 * e.reduce((s, v) => s + v * v, 0);
    const d0 = h.map((hj, j) => e.reduce((s, ek, k) => s + B1[j][k] * ek, 0) * (1 - hj * hj));
    deltas[1].push(e);
    deltas[0].push(d0);
    e.forEach((ek, k) => {
      h.forEach((hj, j) => {
        newW1[k][j] += (spec.lr * ek * hj) / batch;
      });
      nb1[k] += (spec.lr * ek) / batch;
    });
    d0.forEach((dj, j) => {
      x.forEach((xi, i) => {
        newW0[j][i] += (spec.lr * dj * xi) / batch;
      });
      nb0[j] += (spec.lr * dj) / batch;
    });
  });
  return { weights: [newW0, newW1], biases: [nb0, nb1], deltas, loss: loss / batch };
}

function makeSpec() {
  return {
    layers: [
      { in: 6, out: 5, activation: 'tanh' },
      { in: 5, out: 3, activation: 'linear' },
    ],
    weights: [mat(5, 6), mat(3, 5)],
    biases: [mat(1, 5)[0], mat(1, 3)[0]],
    feedback: [null, mat(5, 3)],
    rule: 'fa',
    loss: 'mse',
    x: mat(4, 6, 1),
    target: mat(4, 3, 1),
    lr: 0.1,
    weightDecay: 0.01,
  };
}

function runCli(spec: unknown): { code: Promise<number>; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rfa-step-'));
  writeFileSync(join(dir, 'in.json'), JSON.stringify(spec));
  return {
    code: main(['step', '--spec', join(dir, 'in.json'), '--out', join(dir, 'out.json')]),
    out: join(dir, 'out.json'),
  };
}

describe('pnpm bench step', () => {
  it('round-trips a spec: one FA update equals the float64 reference', async () => {
    const spec = makeSpec();
    const run = runCli(spec);
    expect(await run.code).toBe(0);
    const got = JSON.parse(readFileSync(run.out, 'utf8'));
    const want = referenceFaStep(spec);
    expect(got.loss).toBeCloseTo(want.loss, 5);
    for (const l of [0, 1]) {
      expectClose(got.weights[l].flat(), want.weights[l].flat(), { atol: 1e-6, rtol: 1e-5 }, `weights[${l}]`);
      expectClose(got.biases[l], want.biases[l], { atol: 1e-6, rtol: 1e-5 }, `biases[${l}]`);
      expectClose(got.deltas[l].flat(), want.deltas[l].flat(), { atol: 1e-6, rtol: 1e-5 }, `deltas[${l}]`);
    }
  });

  it('shallow leaves hidden deltas null and hidden weights unchanged', async () => {
    const spec = { ...makeSpec(), rule: 'shallow' };
    const run = runCli(spec);
    expect(await run.code).toBe(0);
    const got = JSON.parse(readFileSync(run.out, 'utf8'));
    expect(got.deltas[0]).toBeNull();
    expectClose(got.weights[0].flat(), spec.weights[0].flat(), { atol: 0, rtol: 0 }, 'hidden weights');
  });

  it('bad specs exit non-zero naming the field', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    const bad: [Record<string, unknown>, string][] = [
      [{ ...makeSpec(), rule: 'magic' }, "'rule'"],
      [{ ...makeSpec(), weights: [mat(4, 6), mat(3, 5)] }, "'weights[0]'"],
      [{ ...makeSpec(), feedback: [null, mat(3, 5)] }, "'feedback[1]'"],
      [{ ...makeSpec(), x: [[1, 2]] }, "'x[0]'"],
      [
        {
          ...makeSpec(),
          layers: [
            { in: 6, out: 5, activation: 'tanh' },
            { in: 4, out: 3, activation: 'linear' },
          ],
        },
        "'layers[1].in'",
      ],
      [{ ...makeSpec(), loss: 'softmax-ce' }, 'softmax'],
    ];
    for (const [spec, field] of bad) {
      expect(await runCli(spec).code).toBe(2);
      expect(errors.at(-1)).toContain(field);
    }
    spy.mockRestore();
  });
});
