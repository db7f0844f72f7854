import type { Dataset } from '@rfa/datasets';
import type { Trainer } from '@rfa/learning-rules';
import { classificationError } from '@rfa/metrics';

/** Test-set classification error, forward passes in chunks of 1000. */
export async function testError(trainer: Trainer, test: Dataset): Promise<number> {
  const chunk = 1000;
  let wrong = 0;
  const classes = test.targetSize;
  for (let start = 0; start < test.count; start += chunk) {
    const n = Math.min(chunk, test.count - start);
    const out = await trainer
      .predict(test.inputs.subarray(start * test.inputSize, (start + n) * test.inputSize), n)
      .read();
    wrong += Math.round(classificationError(out, test.labels!.subarray(start, start + n), n, classes) * n);
  }
  return wrong / test.count;
}
