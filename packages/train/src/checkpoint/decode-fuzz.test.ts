import { feedbackAlignment } from '@rfa/learning-rules';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckpointError } from '../errors.js';
import { dispose, fig2Trainer } from '../testing/fig2.js';
import { rewriteHeader } from '../testing/rewrite-header.js';
import { decodeCheckpoint } from './decode.js';
import { encodeCheckpoint } from './encode.js';

let good: Uint8Array;
beforeAll(async () => {
  const trainer = fig2Trainer(feedbackAlignment(), { momentum: 0.5 });
  trainer.step(new Float32Array(30).fill(0.5), new Float32Array(10).fill(1), 1);
  good = await encodeCheckpoint(trainer, { rule: feedbackAlignment() });
  dispose(trainer);
});

/** decodeCheckpoint's answer: decoded, or a CheckpointError; anything else (RangeError, TypeError…) fails. */
function decodeOrRefuse(bytes: Uint8Array): 'decoded' | 'refused' {
  try {
    decodeCheckpoint(bytes);
    return 'decoded';
  } catch (err) {
    if (!(err instanceof CheckpointError)) throw err;
    return 'refused';
  }
}

describe('decodeCheckpoint, fuzzed (fast-check)', () => {
  it('random bytes, and random bytes behind the right magic: refused with CheckpointError', () => {
    const magic = good.subarray(0, 8);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, withMagic) => {
        const bytes = withMagic ? Uint8Array.from([...magic, ...tail]) : tail;
        expect(decodeOrRefuse(bytes)).toBe('refused');
      }),
      { numRuns: 2000 },
    );
  });

  it('a real checkpoint with bytes flipped, cut or inserted: refused, or (a flip the format ignores, such as header padding) decoded', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.nat(255) }),
    );
    let refused = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let bytes = good.slice();
        for (const e of edits) {
          const at = e.at % (bytes.length || 1);
          if (e.kind === 'flip') bytes[at]! ^= e.mask;
          else if (e.kind === 'cut') bytes = bytes.slice(0, at);
          else bytes = Uint8Array.from([...bytes.subarray(0, at), e.byte, ...bytes.subarray(at)]);
        }
        if (decodeOrRefuse(bytes) === 'refused') refused++;
      }),
      { numRuns: 600 },
    );
    expect(refused).toBeGreaterThan(550); // padding bytes between header and data are the only slack
  });

  it('re-signed headers with hostile tensor tables (huge, negative, fractional, overlapping sizes): refused before any allocation', () => {
    const size = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 53, 1e300, -1e300, 0.5, Number.NaN),
      fc.json(),
    );
    fc.assert(
      fc.property(fc.nat(20), size, size, (index, length, offset) => {
        const bytes = rewriteHeader(good, (h) => {
          const tensors = h.tensors as Record<string, unknown>[];
          const t = tensors[index % tensors.length]!;
          t.length = length;
          t.offset = offset;
        });
        decodeOrRefuse(bytes);
      }),
      { numRuns: 500 },
    );
    const huge = rewriteHeader(good, (h) => {
      (h.tensors as Record<string, unknown>[])[0]!.length = 2 ** 40;
    });
    expect(() => decodeCheckpoint(huge)).toThrow(/ends at byte|length/);
  });
});
