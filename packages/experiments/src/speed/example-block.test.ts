import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { BatchCursor, makeExampleBlock } from './example-block.js';

describe('the speed workload’s example block', () => {
  it('makes inputs in [0, 1] and one-hot targets, the same for the same seed', () => {
    const block = makeExampleBlock(6, 3, 10, 4);
    expect(block.inputs.every((v) => v >= 0 && v <= 1)).toBe(true);
    for (let r = 0; r < 10; r++) {
      const row = Array.from(block.targets.subarray(r * 3, r * 3 + 3));
      expect(row.filter((v) => v === 1)).toHaveLength(1);
      expect(row.filter((v) => v === 0)).toHaveLength(2);
    }
    expect(makeExampleBlock(6, 3, 10, 4).inputs).toEqual(block.inputs);
    expect(makeExampleBlock(6, 3, 10, 5).inputs).not.toEqual(block.inputs);
  });

  it('hands out consecutive batches as views and wraps, dropping a ragged tail', () => {
    const block = makeExampleBlock(2, 2, 7, 1);
    const cursor = new BatchCursor(block, 3);
    const batches = [0, 1, 2].map(() => cursor.take());
    expect(batches.map((b) => b.inputs[0])).toEqual([block.inputs[0], block.inputs[6], block.inputs[0]]);
    expect(batches[1].inputs.buffer).toBe(block.inputs.buffer);
    expect(Array.from(batches[1].targets)).toEqual(Array.from(block.targets.subarray(6, 12)));
  });

  it('refuses a batch larger than the block, or not a whole number, naming the field', () => {
    const block = makeExampleBlock(2, 2, 7, 1);
    expect(() => new BatchCursor(block, 8)).toThrow(/larger than the example block/);
    expect(() => new BatchCursor(block, 0)).toThrow(ConfigError);
    try {
      new BatchCursor(block, 1.5);
    } catch (error) {
      expect((error as ConfigError).field).toBe('batch');
    }
  });
});
