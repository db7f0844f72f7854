import type { LinearTask } from '@rfa/datasets';
import { uniformInit } from '@rfa/layers';
import type { Trainer } from '@rfa/learning-rules';
import {
  directRandomTargetProjection,
  feedbackAlignment,
  kolenPollack,
  nodePerturbation,
  type RuleFactory,
  signConcordant,
  weightMirror,
} from '@rfa/learning-rules';
import { describe, expect, it } from 'vitest';
import {
  dispose,
  FIG2_LAYERS,
  type Fig2Options,
  fig2Trainer,
  heldOutNse,
  linearTask,
} from '../testing/fig2.js';
import { train } from '../train.js';
import { trainerTensors } from '../trainer-tensors.js';
import { decodeCheckpoint } from './decode.js';
import { encodeCheckpoint } from './encode.js';
import { CHECKPOINT_MAGIC, PREAMBLE_BYTES } from './format.js';
import { restoreCheckpoint } from './restore.js';

const run = (trainer: Trainer, task: LinearTask) =>
  train({
    trainer,
    data: task,
    steps: 50,
    batchSize: 2,
    evaluateEvery: 25,
    evaluate: async (t) => ({ nse: await heldOutNse(t, task) }),
  });

const state = (trainer: Trainer) =>
  new Map(trainerTensors(trainer).map(({ name, tensor }) => [name, tensor.readSync()]));

const words = (trainerOrTask: { getState(): { s: readonly number[]; spare: number | null } }) => {
  const { s, spare } = trainerOrTask.getState();
  return { s: s.map((w) => w >>> 0), spare };
};

const cases: [string, () => RuleFactory, Fig2Options][] = [
  [
    'node perturbation (noise from the trainer rng), momentum 0.5',
    () => nodePerturbation({ sigma: 0.01 }),
    { learningRate: 3e-4, momentum: 0.5 },
  ],
  [
    'feedback alignment, momentum 0.9',
    () => feedbackAlignment({ init: uniformInit(0.5) }),
    { learningRate: 0.002, momentum: 0.9 },
  ],
  ['Kolen–Pollack (feedback that learns)', () => kolenPollack(), { learningRate: 0.005 }],
  [
    'weight mirror every 3rd step (noise from the trainer rng, schedule from the step count)',
    () => weightMirror({ mirrorEvery: 3, mirrorBatch: 4 }),
    { learningRate: 0.005 },
  ],
  [
    'frSF (magnitudes drawn once, kept in B)',
    () => signConcordant({ magnitude: 'fixed' }),
    { learningRate: 0.005 },
  ],
  [
    'brSF (magnitudes redrawn from the trainer rng)',
    () => signConcordant({ magnitude: 'batchwise' }),
    { learningRate: 0.005 },
  ],
  ['DRTP (fixed target projections)', () => directRandomTargetProjection(), { learningRate: 0.005 }],
  [
    'sparse FA: masks on W and B',
    () => feedbackAlignment({ removeFraction: 0.5 }),
    { layers: FIG2_LAYERS.map((l) => ({ ...l, removeFraction: 0.5 })) },
  ],
];

describe('a checkpoint resumes training bit for bit', () => {
  it.each(cases)('%s', async (_name, rule, options) => {
    const taskA = linearTask();
    const a = fig2Trainer(rule(), options);
    await run(a, taskA);
    const bytes = await encodeCheckpoint(a, { rule: rule(), rngs: { data: taskA.rng } });
    const historyA = (await run(a, taskA)).history;

    // a fresh trainer with other weights, feedback and rng, and a fresh stream
    const b = fig2Trainer(rule(), { ...options, seed: 77 });
    const taskB = linearTask();
    expect(state(b).get('layers.0.weights')).not.toEqual(state(a).get('layers.0.weights'));
    restoreCheckpoint(b, decodeCheckpoint(bytes), { rule: rule(), rngs: { data: taskB.rng } });
    expect(b.steps).toBe(50);
    const historyB = (await run(b, taskB)).history;

    expect(historyB).toEqual(historyA);
    expect(historyA.map((h) => h.step)).toEqual([50, 75, 100]);
    const [sa, sb] = [state(a), state(b)];
    expect([...sb.keys()]).toEqual([...sa.keys()]);
    for (const [name, values] of sa) expect(sb.get(name), name).toEqual(values);
    expect(words(b.options.rng)).toEqual(words(a.options.rng));
    expect(words(taskB.rng)).toEqual(words(taskA.rng));
    dispose(a);
    dispose(b);
  });
});

describe('encode / decode', () => {
  it('writes the documented layout and reads every value back exactly', async () => {
    const trainer = fig2Trainer(feedbackAlignment(), { momentum: 0.5 });
    await run(trainer, linearTask());
    const created = new Date('2026-01-02T03:04:05.000Z');
    const bytes = await encodeCheckpoint(trainer, {
      rule: feedbackAlignment(),
      metadata: { run: 'x' },
      created,
    });
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe(CHECKPOINT_MAGIC);
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    const { header, tensors } = decodeCheckpoint(bytes);
    expect(header).toMatchObject({
      format: 'rfa-checkpoint',
      version: 1,
      created: '2026-01-02T03:04:05.000Z',
      network: {
        layers: [
          { in: 30, out: 20, activation: 'linear', hasMask: false },
          { in: 20, out: 10, activation: 'linear', hasMask: false },
        ],
      },
      rule: { name: 'feedbackAlignment', options: {}, feedback: [{ layer: 1, layout: 'transposed' }] },
      loss: 'mse',
      optimizer: { learningRate: 0.005, weightDecay: 0, momentum: 0.5 },
      rng: { algorithm: 'xoshiro128**', ...words(trainer.options.rng) },
      step: 50,
      metadata: { run: 'x' },
      checksum: { algorithm: 'crc32' },
    });
    expect(header.checksum.value).toMatch(/^[0-9a-f]{8}$/);
    const names = header.tensors.map((t) => t.name);
    expect(names).toEqual([
      'layers.0.weights',
      'layers.0.bias',
      'layers.1.weights',
      'layers.1.bias',
      'feedback.1',
      'optimizer.0.0',
      'optimizer.0.1',
      'optimizer.1.0',
      'optimizer.1.1',
    ]);
    // data: 8-byte aligned after the header, tensors back to back, float32 little-endian
    const dataStart = Math.ceil((PREAMBLE_BYTES + headerLength) / 8) * 8;
    const total = header.tensors.reduce((n, t) => n + t.length, 0);
    expect(bytes.length).toBe(dataStart + 4 * total);
    const w = header.tensors[0];
    expect([w.shape, w.offset, w.length]).toEqual([[20, 30], 0, 600]);
    expect(new DataView(bytes.buffer).getFloat32(dataStart + 4 * 7, true)).toBe(
      trainer.network.layers[0].weights.readSync()[7],
    );
    for (const { name, tensor } of trainerTensors(trainer))
      expect(tensors.get(name), name).toEqual(tensor.readSync());
    dispose(trainer);
  });
});
