import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExperimentReport, getExperiment } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { writeFigures } from './figures.js';

const run = (testError: number[]) => ({
  final: { testError: { mean: testError.at(-1) as number, sd: 0, n: 1 } },
  curves: { step: [0, 1], testError },
  snapshots: { receptiveFields: { width: 2, height: 2, units: [[0, 1, -1, 0.5]] } },
});

describe('writeFigures', () => {
  const exp = getExperiment('fig3a');
  const report = {
    experiment: 'fig3a-sweep',
    results: { 'fa learningRate=0.1': run([0.9, 0.1]), 'fa learningRate=0.2': run([0.9, 0.05]) },
  } as unknown as ExperimentReport;

  it("writes a sweep's plots and receptive fields under its own name, one file per row", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfa-fig-'));
    const files = await writeFigures(exp, report, dir, {
      plots: exp.plots.filter((p) => p.metric === 'testError'),
      name: 'fig3a-sweep',
    });
    expect(files).toEqual([
      'fig3a-sweep-testError.svg',
      'fig3a-sweep-receptive-fields-fa_learningRate_0.1.png',
      'fig3a-sweep-receptive-fields-fa_learningRate_0.2.png',
    ]);
    const png = readFileSync(join(dir, files[1]));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = readFileSync(join(dir, files[0]), 'utf8');
    expect(svg).toContain('fa learningRate=0.2');
  });
});
