import { oneHot } from '@rfa/datasets';
import { LengthError, Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { populationBatches } from './population-batches.js';

function tinySet(count: number, inputSize: number, classes: number) {
  const rng = new Rng(5);
  const inputs = Float32Array.from({ length: count * inputSize }, () => rng.uniform());
  const labels = Uint8Array.from({ length: count }, () => rng.int(classes));
  return { inputs, labels, count, inputSize };
}

describe('populationBatches', () => {
  it("builds each batch's population-coded targets equal to oneHot's rows, with the matching input rows", () => {
    const set = tinySet(23, 6, 4);
    const order = Uint32Array.from([7, 3, 22, 0, 15, 9, 11, 1, 4, 18, 2]);
    const reference = oneHot(
      Array.from(order, (e) => set.labels[e]),
      4,
      { unitsPerClass: 5 },
    );
    let row = 0;
    for (const b of populationBatches(set, order, 3, 4, 5)) {
      for (let r = 0; r < 3; r++) {
        const k = Math.min(row + r, order.length - 1); // the last partial batch repeats its last example
        expect(Array.from(b.targets.subarray(r * 20, (r + 1) * 20))).toEqual(
          Array.from(reference.subarray(k * 20, (k + 1) * 20)),
        );
        expect(b.labels[r]).toBe(set.labels[order[k]]);
        expect(Array.from(b.inputs.subarray(r * 6, (r + 1) * 6))).toEqual(
          Array.from(set.inputs.subarray(order[k] * 6, (order[k] + 1) * 6)),
        );
      }
      row += 3;
    }
    expect(row).toBe(12); // ceil(11 / 3) = 4 batches
  });

  it('rejects an example index outside the set, naming it', () => {
    const set = tinySet(5, 2, 3);
    expect(() => [...populationBatches(set, [0, 5], 2, 3, 1)]).toThrow(LengthError);
    expect(() => [...populationBatches(set, [0, 5], 2, 3, 1)]).toThrow(/index 5/);
  });
});
