import { CheckpointError, decodeCheckpoint } from '@rfa/train';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint } from './load-checkpoint.js';
import type { RunCheckpoint } from './run-context.js';

const saved = (bytes: Uint8Array | null, where?: string): RunCheckpoint => ({
  load: async () => bytes,
  save: async () => {},
  due: () => false,
  where,
});

describe('loadCheckpoint', () => {
  it('decodes what is there, and gives null when nothing is', async () => {
    expect(await loadCheckpoint(saved(Uint8Array.of(7, 8)), (b) => b[0]! + b[1]!)).toBe(15);
    expect(await loadCheckpoint(saved(null), () => 1)).toBeNull();
    expect(await loadCheckpoint(undefined, () => 1)).toBeNull();
  });

  it("turns the decoder's refusal into a CheckpointError naming the file and the way out", async () => {
    const cut = saved(new TextEncoder().encode('RFACKPT1'), '/ckpt/fig2/seed-1/fa.ckpt');
    const err = await loadCheckpoint(cut, decodeCheckpoint).catch((e) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect(err.field).toBe('length');
    expect(err.message).toMatch(
      /^checkpoint length: \/ckpt\/fig2\/seed-1\/fa\.ckpt cannot be read \(checkpoint length: truncated: 8 bytes.*\): delete it to run this seed of this rule from its beginning$/,
    );
  });
});
