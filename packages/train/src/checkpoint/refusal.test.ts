import { backprop, feedbackAlignment, nodePerturbation } from '@rfa/learning-rules';
import { RfaError } from '@rfa/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckpointError } from '../errors.js';
import { dispose, FIG2_LAYERS, fig2Trainer } from '../testing/fig2.js';
import { rewriteHeader } from '../testing/rewrite-header.js';
import { trainerTensors } from '../trainer-tensors.js';
import { decodeCheckpoint } from './decode.js';
import { encodeCheckpoint } from './encode.js';
import { restoreCheckpoint } from './restore.js';

let bytes: Uint8Array;
beforeAll(async () => {
  const trainer = fig2Trainer(feedbackAlignment(), { momentum: 0.5 });
  const x = new Float32Array(30).fill(0.5);
  for (let s = 0; s < 3; s++) trainer.step(x, new Float32Array(10).fill(1), 1);
  bytes = await encodeCheckpoint(trainer, { rule: feedbackAlignment() });
  dispose(trainer);
});

/** The CheckpointError `fn` throws (failing the test if it throws nothing or something else). */
function refusal(fn: () => unknown): CheckpointError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckpointError);
    expect(e).toBeInstanceOf(RfaError);
    expect((e as CheckpointError).code).toBe('CHECKPOINT');
    return e as CheckpointError;
  }
  throw new Error('expected a CheckpointError, nothing was thrown');
}

describe('decodeCheckpoint refuses a damaged or foreign file', () => {
  it('the intact file decodes', () => {
    expect(decodeCheckpoint(bytes).header.step).toBe(3);
  });

  it.each([
    ['inside the data', (n: number) => n - 100, /tensor optimizer\.1\.0 ends at byte \d+, the file has \d+/],
    ['inside the header', () => 100, /truncated: the header needs \d+ bytes, the file has 100/],
    ['inside the preamble', () => 10, /truncated: 10 bytes/],
  ])('truncated %s', (_where, cut, message) => {
    const e = refusal(() => decodeCheckpoint(bytes.slice(0, cut(bytes.length))));
    expect(e.field).toBe('length');
    expect(e.message).toMatch(message);
  });

  it('a flipped bit in the data, in the header or in the padding fails the checksum', () => {
    const headerEnd = 12 + new DataView(bytes.buffer).getUint32(8, true);
    const dataStart = Math.ceil(headerEnd / 8) * 8;
    const text = new TextDecoder().decode(bytes.subarray(12, headerEnd));
    // a digit of the date keeps the header valid JSON; padding exists unless the header ends aligned
    const places = [dataStart, bytes.length - 1, 12 + text.indexOf('"created":"') + 13];
    if (dataStart > headerEnd) places.push(headerEnd);
    for (const at of places) {
      const damaged = bytes.slice();
      damaged[at] ^= 0x01;
      const e = refusal(() => decodeCheckpoint(damaged));
      expect(e.field).toBe('checksum');
      expect(e.message).toMatch(
        /mismatch: stored crc32 [0-9a-f]{8}, computed [0-9a-f]{8}; the file is corrupt/,
      );
    }
  });

  it('wrong magic', () => {
    const other = bytes.slice();
    other.set(new TextEncoder().encode('PK\x03\x04'), 0);
    const e = refusal(() => decodeCheckpoint(other));
    expect([e.field, e.message]).toEqual([
      'magic',
      expect.stringContaining(
        'not an rfa checkpoint: the file starts with "PK\\u0003\\u0004KPT1", expected \'RFACKPT1\'',
      ),
    ]);
  });

  it('wrong version, in the magic or in the header', () => {
    const v2 = bytes.slice();
    v2[7] = '2'.charCodeAt(0);
    expect(refusal(() => decodeCheckpoint(v2)).message).toMatch(
      /version: magic 'RFACKPT2' is another format version; this reader knows version 1/,
    );
    const header2 = rewriteHeader(bytes, (h) => {
      h.version = 2;
    });
    const e = refusal(() => decodeCheckpoint(header2));
    expect([e.field, e.message]).toEqual([
      'version',
      'checkpoint version: version 2 is not supported; this reader knows version 1',
    ]);
  });

  it('a re-signed header with an inconsistent tensor entry', () => {
    const e = refusal(() =>
      decodeCheckpoint(
        rewriteHeader(bytes, (h) => {
          (h.tensors as { length: number }[])[0].length = 601;
        }),
      ),
    );
    expect([e.field, e.message]).toEqual([
      'tensors.layers.0.weights.length',
      'checkpoint tensors.layers.0.weights.length: is 601, shape [20,30] holds 600',
    ]);
  });

  it('rewriteHeader keeps a file valid when it changes nothing (so the tests above test one field)', () => {
    expect(decodeCheckpoint(rewriteHeader(bytes, () => {})).tensors).toEqual(decodeCheckpoint(bytes).tensors);
  });
});

describe('restoreCheckpoint refuses another architecture or rule, and writes nothing then', () => {
  it.each([
    [
      'layer sizes',
      () =>
        fig2Trainer(feedbackAlignment(), {
          momentum: 0.5,
          layers: [
            { in: 30, out: 16, activation: 'linear' },
            { out: 10, activation: 'linear' },
          ],
        }),
      'network.layers.0.out',
      'the checkpoint has 20, the trainer 16',
    ],
    [
      'depth',
      () =>
        fig2Trainer(feedbackAlignment(), {
          momentum: 0.5,
          layers: [...FIG2_LAYERS, { out: 10, activation: 'linear' }],
        }),
      'network.layers',
      'the checkpoint has 2 layers, the trainer 3',
    ],
    [
      'activation',
      () =>
        fig2Trainer(feedbackAlignment(), {
          momentum: 0.5,
          layers: [
            { in: 30, out: 20, activation: 'tanh' },
            { out: 10, activation: 'linear' },
          ],
        }),
      'network.layers.0.activation',
      'the checkpoint has linear, the trainer tanh',
    ],
    [
      'mask',
      () =>
        fig2Trainer(feedbackAlignment(), {
          momentum: 0.5,
          layers: [{ ...FIG2_LAYERS[0], removeFraction: 0.5 }, FIG2_LAYERS[1]],
        }),
      'network.layers.0.hasMask',
      'the checkpoint has false, the trainer true',
    ],
    [
      'rule name',
      () => fig2Trainer(backprop(), { momentum: 0.5 }),
      'rule.name',
      "the checkpoint was made with 'feedbackAlignment', the trainer runs 'backprop'",
    ],
    [
      'optimiser state (no momentum)',
      () => fig2Trainer(feedbackAlignment()),
      'tensors.optimizer.0.0',
      'is in the checkpoint but the trainer has no such tensor',
    ],
  ])('%s', (_what, make, field, message) => {
    const trainer = make();
    const before = trainerTensors(trainer).map((n) => n.tensor.readSync());
    const e = refusal(() => restoreCheckpoint(trainer, decodeCheckpoint(bytes)));
    expect(e.field).toBe(field);
    expect(e.message).toBe(`checkpoint ${field}: ${message}`);
    expect(trainerTensors(trainer).map((n) => n.tensor.readSync())).toEqual(before);
    expect(trainer.steps).toBe(0);
    dispose(trainer);
  });

  it('rule options', () => {
    const trainer = fig2Trainer(feedbackAlignment({ removeFraction: 0.2 }), { momentum: 0.5 });
    const e = refusal(() =>
      restoreCheckpoint(trainer, decodeCheckpoint(bytes), {
        rule: feedbackAlignment({ removeFraction: 0.2 }),
      }),
    );
    expect([e.field, e.message]).toEqual([
      'rule.options',
      'checkpoint rule.options: the checkpoint has {}, the trainer\'s rule {"removeFraction":0.2}',
    ]);
    dispose(trainer);
  });

  it('a tensor shape (in a re-signed header)', () => {
    const trainer = fig2Trainer(feedbackAlignment(), { momentum: 0.5 });
    const reshaped = rewriteHeader(bytes, (h) => {
      (h.tensors as { shape: number[] }[])[4].shape = [10, 20];
    });
    const e = refusal(() => restoreCheckpoint(trainer, decodeCheckpoint(reshaped)));
    expect([e.field, e.message]).toEqual([
      'tensors.feedback.1.shape',
      'checkpoint tensors.feedback.1.shape: the checkpoint has [10,20], the trainer [20,10]',
    ]);
    dispose(trainer);
  });

  it('an rng the checkpoint does not hold', () => {
    const trainer = fig2Trainer(nodePerturbation());
    const e = refusal(() =>
      restoreCheckpoint(trainer, decodeCheckpoint(bytes), { rngs: { data: trainer.options.rng } }),
    );
    expect(e.field).toBe('rule.name');
    const fa = fig2Trainer(feedbackAlignment(), { momentum: 0.5 });
    const missing = refusal(() =>
      restoreCheckpoint(fa, decodeCheckpoint(bytes), { rngs: { data: fa.options.rng } }),
    );
    expect([missing.field, missing.message]).toEqual([
      'rngs.data',
      'checkpoint rngs.data: is not in the checkpoint (it has: none)',
    ]);
    dispose(trainer);
    dispose(fa);
  });
});
